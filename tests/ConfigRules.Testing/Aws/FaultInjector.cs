namespace ConfigRules.Testing.Aws;

/// <summary>What to do instead of answering normally.</summary>
public abstract record Fault
{
    /// <summary>A throttling error as the service spells it (ThrottlingException, TooManyRequestsException 429, Throttling).</summary>
    public sealed record Throttle : Fault;

    public sealed record ServerError(int Status) : Fault;

    /// <summary>An arbitrary AWS error (non-retryable ones included).</summary>
    public sealed record Error(int Status, string Code, string Message) : Fault;

    /// <summary>The connection is dropped without an answer.</summary>
    public sealed record ResetConnection : Fault;

    /// <summary>The answer is held back until the test releases it (<see cref="HeldAnswers"/>), then served normally: a hang.</summary>
    public sealed record HoldAnswer : Fault;
}

/// <summary>
/// Faults queued per service and operation ("*" for any operation), each used for the next matching calls.
/// Service names are the SigV4 signing names: config, lambda, iam, sns, apigateway, sts.
/// </summary>
public sealed class FaultInjector
{
    private readonly List<(string Service, string Operation, Fault Fault)> _queue = [];
    private readonly object _gate = new();

    public void Add(string service, string operation, Fault fault, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            for (var i = 0; i < times; i++) _queue.Add((service, operation, fault));
        }
    }

    public void Throttle(string service, string operation, int times = 1) => Add(service, operation, new Fault.Throttle(), times);

    public void ServerError(string service, string operation, int status = 500, int times = 1) =>
        Add(service, operation, new Fault.ServerError(status), times);

    public void ResetConnection(string service, string operation, int times = 1) => Add(service, operation, new Fault.ResetConnection(), times);

    public void HoldAnswer(string service, string operation, int times = 1) => Add(service, operation, new Fault.HoldAnswer(), times);

    public void Error(string service, string operation, int status, string code, string message, int times = 1) =>
        Add(service, operation, new Fault.Error(status, code, message), times);

    public int Pending { get { lock (_gate) return _queue.Count; } }

    public void Clear() { lock (_gate) _queue.Clear(); }

    /// <summary>Takes the first queued fault for this call, keeping the order of the others.</summary>
    internal Fault? Take(string service, string operation)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(f => f.Service == service && (f.Operation == operation || f.Operation == "*"));
            if (index < 0) return null;
            var fault = _queue[index].Fault;
            _queue.RemoveAt(index);
            return fault;
        }
    }
}
