namespace ConfigRules.LambdaRuntime.Logging;

/// <summary>
/// One named value of a log line. Values are written by type (strings, integers, floating point, booleans,
/// durations in milliseconds, instants in ISO-8601); anything else as its text.
/// </summary>
public readonly record struct LogField(string Name, object? Value)
{
    public static LogField Of(string name, object? value) => new(name, value);
}
