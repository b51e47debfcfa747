namespace ConfigRules.Framework.Rules;

public enum ParameterKind
{
    String,
    Integer,
    Boolean,
    /// <summary>Comma-separated, each entry trimmed, empty entries dropped.</summary>
    StringList,
    /// <summary>A .NET regular expression, matched in full with a timeout.</summary>
    Regex,
}

/// <summary>A rule parameter as Config passes it (a string in InputParameters), with its default.</summary>
/// <param name="Default">The catalog default as Config text; null when the parameter is optional with no default.</param>
/// <param name="Minimum">For integers: the smallest accepted value.</param>
/// <param name="Maximum">For integers: the largest accepted value.</param>
/// <param name="AllowedValues">For text with a fixed set of values: those values, as a conformance pack's AllowedValues.</param>
public sealed record ParameterDefinition(
    string Name,
    ParameterKind Kind,
    string? Default,
    string Description,
    long? Minimum = null,
    long? Maximum = null,
    IReadOnlyList<string>? AllowedValues = null)
{
    /// <summary>What the parameter accepts, in words, for error messages and docs.</summary>
    public string Accepts => Kind switch
    {
        ParameterKind.Integer when Minimum is not null && Maximum is not null => $"a whole number from {Minimum} to {Maximum}",
        ParameterKind.Integer when Minimum is not null => $"a whole number of at least {Minimum}",
        ParameterKind.Integer when Maximum is not null => $"a whole number of at most {Maximum}",
        ParameterKind.Integer => "a whole number",
        ParameterKind.String when AllowedValues is { Count: > 0 } values => $"one of {string.Join(", ", values)}",
        ParameterKind.Boolean => "true or false",
        ParameterKind.StringList => "a comma-separated list",
        ParameterKind.Regex => "a regular expression",
        _ => "text",
    };
}
