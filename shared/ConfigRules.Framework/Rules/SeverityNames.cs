namespace ConfigRules.Framework.Rules;

/// <summary>How a <see cref="Severity"/> is spelled in reports, notices and message attributes: the one place.</summary>
public static class SeverityNames
{
    /// <summary>"low", "medium", "high" or "critical".</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };
}
