namespace ConfigRules.LambdaRuntime.Logging;

/// <summary>Levels as Lambda's JSON log format names them (<c>AWS_LAMBDA_LOG_LEVEL</c> picks the minimum).</summary>
public enum LogLevel
{
    Debug,
    Info,
    Warn,
    Error,
}

public static class LogLevels
{
    public static string ToWire(this LogLevel level) => level switch
    {
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warn => "WARN",
        LogLevel.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown log level."),
    };

    /// <summary>Reads <c>AWS_LAMBDA_LOG_LEVEL</c> (TRACE counts as DEBUG, FATAL as ERROR); null or unknown gives INFO.</summary>
    public static LogLevel Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "TRACE" or "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warn,
        "ERROR" or "FATAL" => LogLevel.Error,
        _ => LogLevel.Info,
    };
}
