using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.LambdaRuntime.Api;

/// <summary>
/// What the Runtime API says about one invocation (from the headers of <c>/invocation/next</c>), plus the
/// logger bound to its request id. Handlers receive it with the payload.
/// </summary>
public sealed record InvocationContext
{
    /// <summary><c>Lambda-Runtime-Aws-Request-Id</c>: the id every response, error and log line carries.</summary>
    public required string RequestId { get; init; }

    /// <summary><c>Lambda-Runtime-Deadline-Ms</c> as an instant, or null when the Runtime API sent none.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary><c>Lambda-Runtime-Invoked-Function-Arn</c>.</summary>
    public string? InvokedFunctionArn { get; init; }

    /// <summary><c>Lambda-Runtime-Trace-Id</c>; the loop also exports it as <c>_X_AMZN_TRACE_ID</c>.</summary>
    public string? TraceId { get; init; }

    /// <summary>The <c>_HANDLER</c> serving the invocation.</summary>
    public string Handler { get; init; } = string.Empty;

    /// <summary>Structured logger whose lines carry this invocation's request id and handler.</summary>
    public RuntimeLogger Logger { get; init; } = RuntimeLogger.Null;

    /// <summary>Time left until Lambda's deadline (Lambda stops the process then), or null when unknown.</summary>
    public TimeSpan? RemainingTime(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Deadline is { } deadline ? deadline - time.GetUtcNow() : null;
    }
}
