using System.CommandLine.Parsing;
using System.Globalization;

namespace ConfigRules.Cli.CommandLine;

/// <summary>Parsers for option values that need more than a type: each reports what is wrong and what is accepted.</summary>
internal static class OptionParsers
{
    /// <summary><c>RULE.NAME=VALUE</c>: rule ids and parameter names have no dots, so the last dot before the <c>=</c> splits them (values may have dots).</summary>
    public static ParameterOverride[] ParameterOverrides(ArgumentResult result)
    {
        var overrides = new List<ParameterOverride>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            var text = token.Value;
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var dot = equals > 0 ? text.LastIndexOf('.', equals - 1) : -1;
            if (equals <= 0 || dot <= 0 || dot == equals - 1)
                result.AddError($"--param '{text}' is not RULE.NAME=VALUE (for example lambda-timeout-check.maxTimeout=60).");
            else
                overrides.Add(new ParameterOverride(text[..dot], text[(dot + 1)..equals], text[(equals + 1)..]));
        }
        return [.. overrides];
    }

    /// <summary>An ISO-8601 date or time; without an offset it is UTC.</summary>
    public static DateTimeOffset? Now(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var now))
            return now;
        result.AddError($"--now '{text}' is not an ISO-8601 date or time (for example 2025-06-01 or 2025-06-01T12:00:00Z).");
        return null;
    }

    /// <summary>The option names of <paramref name="candidates"/> closest to <paramref name="unknown"/> (a typo's likely meaning).</summary>
    public static IEnumerable<string> Suggestions(string unknown, IEnumerable<string> candidates) =>
        candidates
            .Select(candidate => (candidate, distance: Distance(unknown, candidate)))
            .Where(c => c.distance <= Math.Max(2, c.candidate.Length / 3))
            .OrderBy(c => c.distance)
            .Select(c => c.candidate);

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
