using System.Text;
using System.Text.Json;

namespace ConfigRules.Testing.Lambda;

/// <summary>How an invocation ended, as the runtime reported it to the loopback Runtime API.</summary>
public sealed record InvocationOutcome(string RequestId, bool IsError, byte[] Body, string? ErrorTypeHeader, DateTimeOffset ReportedAt)
{
    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the report arrived (for timings).</summary>
    public long ReportedTimestamp { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON (responses of rule handlers and every error report are JSON).</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }

    /// <summary><c>errorType</c> of an error report's body, or null for a response.</summary>
    public string? ErrorType => IsError ? Json.GetProperty("errorType").GetString() : null;

    public string? ErrorMessage => IsError ? Json.GetProperty("errorMessage").GetString() : null;

    public override string ToString() => $"{(IsError ? "error" : "response")} for {RequestId}: {BodyText}";
}

/// <summary>One HTTP request the loopback Runtime API received (headers it cares about, body).</summary>
public sealed record RecordedRuntimeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt)
{
    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>An event waiting in, or taken from, the loopback's queue.</summary>
public sealed class PendingInvocation
{
    private readonly TaskCompletionSource<InvocationOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal PendingInvocation(string requestId, byte[] payload, TimeSpan timeout, string? traceId, string functionArn)
    {
        RequestId = requestId;
        Payload = payload;
        Timeout = timeout;
        TraceId = traceId;
        FunctionArn = functionArn;
    }

    public string RequestId { get; }

    public byte[] Payload { get; }

    /// <summary>The function timeout: the deadline is set to now + timeout when the runtime takes the event.</summary>
    public TimeSpan Timeout { get; }

    public string? TraceId { get; }

    public string FunctionArn { get; }

    /// <summary>When the runtime took the event from <c>/invocation/next</c>; null while queued.</summary>
    public DateTimeOffset? DispatchedAt { get; internal set; }

    public DateTimeOffset? Deadline { get; internal set; }

    public Task<InvocationOutcome> Outcome => _outcome.Task;

    internal bool TryComplete(InvocationOutcome outcome) => _outcome.TrySetResult(outcome);

    /// <summary>The outcome, or a TimeoutException saying whether the runtime ever took the event.</summary>
    public async Task<InvocationOutcome> WaitAsync(TimeSpan timeout)
    {
        try
        {
            return await Outcome.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(DispatchedAt is null
                ? $"Invocation {RequestId} was never taken from /invocation/next within {timeout.TotalSeconds} s."
                : $"Invocation {RequestId} was taken at {DispatchedAt:O} but not answered within {timeout.TotalSeconds} s.", ex);
        }
    }
}
