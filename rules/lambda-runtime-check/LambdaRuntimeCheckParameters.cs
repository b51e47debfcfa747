using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Text;

namespace ConfigRules.Rules.LambdaRuntime;

/// <summary>lambda-runtime-check's parameters, validated.</summary>
/// <param name="AllowedRuntimes">Runtime identifiers functions may use; empty means any runtime that is not deprecated.</param>
/// <param name="DeprecationWindowDays">Flag a runtime this many days before its deprecation date (0: only once deprecated).</param>
public sealed record LambdaRuntimeCheckParameters(IReadOnlyList<string> AllowedRuntimes, int DeprecationWindowDays)
{
    public bool RestrictsRuntimes => AllowedRuntimes.Count > 0;

    public bool Allows(string runtime) => !RestrictsRuntimes || AllowedRuntimes.Contains(runtime, StringComparer.Ordinal);

    internal static LambdaRuntimeCheckParameters Read(ParameterReader reader)
    {
        var allowed = reader.GetList("allowedRuntimes").Distinct(StringComparer.Ordinal).ToArray();
        var malformed = allowed.Where(runtime => !RuntimeIdentifier.IsWellFormed(runtime)).ToArray();
        if (malformed.Length > 0)
        {
            reader.AddProblem(
                $"parameter 'allowedRuntimes' has {(malformed.Length == 1 ? "an entry that is" : $"{malformed.Length} entries that are")} not a Lambda runtime identifier: " +
                $"{TextShortening.QuotedList(malformed, 40)}; expected a comma-separated list of {RuntimeIdentifier.Examples}.");
        }
        var window = reader.GetInteger("deprecationWindowDays") ?? 0;
        return new LambdaRuntimeCheckParameters(allowed, (int)window);
    }
}
