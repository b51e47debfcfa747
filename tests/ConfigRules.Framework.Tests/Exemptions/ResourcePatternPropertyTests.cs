using System.Text.RegularExpressions;
using ConfigRules.Framework.Exemptions;
using CsCheck;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Exemptions;

/// <summary>The matcher agrees with the plainest possible definition of the wildcards: a regular expression.</summary>
public class ResourcePatternPropertyTests
{
    // A small alphabet makes matches (and near misses) frequent; regex metacharacters check the escaping.
    private static readonly Gen<string> Value = Gen.String[Gen.Char["ab.-+("], 0, 12];
    private static readonly Gen<string> Pattern = Gen.String[Gen.Char["ab.-+(*?"], 0, 8];

    private static bool Reference(string pattern, string value)
    {
        var regex = "^" + string.Concat(pattern.Select(c => c switch
        {
            '*' => ".*",
            '?' => ".",
            _ => Regex.Escape(c.ToString()),
        })) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }

    [Test]
    public void Agrees_with_a_regular_expression_reference()
    {
        Gen.Select(Pattern, Value).Sample((pattern, value) => ResourcePattern.Matches(pattern, value) == Reference(pattern, value));
    }

    [Test]
    public void A_pattern_built_from_a_value_by_replacing_characters_with_wildcards_matches_it()
    {
        var derived = Gen.Select(Value, Gen.Int[0, 2].Array[12]).Select((value, edits) =>
        {
            var pattern = string.Concat(value.Select((c, i) => edits[i] switch { 0 => c.ToString(), 1 => "?", _ => "*" }));
            return (pattern, value);
        });

        derived.Sample(sample => ResourcePattern.Matches(sample.pattern, sample.value));
    }
}
