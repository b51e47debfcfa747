using ConfigRules.Framework.Parameters;

namespace ConfigRules.Rules;

/// <summary>Reads a minimum/maximum pair of parameters and reports a minimum above its maximum with the other problems.</summary>
internal static class ParameterRanges
{
    /// <summary>Both bounds, or null for a bound not set (no default) or invalid (already reported).</summary>
    public static (long? Min, long? Max) Read(ParameterReader reader, string minName, string maxName)
    {
        var min = reader.GetInteger(minName);
        var max = reader.GetInteger(maxName);
        if (min is { } low && max is { } high && low > high)
        {
            reader.AddProblem(
                $"parameter '{minName}' ({low}) is above '{maxName}' ({high}); the minimum must be at most the maximum (the range is inclusive).");
        }
        return (min, max);
    }
}
