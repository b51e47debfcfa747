namespace ConfigRules.Reliability.Tests.FaultInjection;

/// <summary>An evaluation the test expects for an event, judged independently of the rule code.</summary>
public sealed record ExpectedEvaluation(string ResourceType, string ResourceId, string ComplianceType);

/// <summary>One event of the soak: the payload Lambda delivers (again, after a failure) and what it must produce.</summary>
public sealed record SoakEvent(string ResultToken, byte[] Payload, IReadOnlyList<ExpectedEvaluation> Expected, bool AllowPersistentRefusal = true);

/// <summary>How one delivery ended, as the Runtime API saw it: a response, or an error report with its type.</summary>
public sealed record DeliveryOutcome(bool IsError, string? ErrorType, string? ErrorMessage)
{
    public static readonly DeliveryOutcome Response = new(false, null, null);

    public static DeliveryOutcome Error(string errorType, string? message) => new(true, errorType, message);
}

/// <summary>Whatever serves invocations: the real bootstrap behind the loopback Runtime API, or the pipeline in-process.</summary>
public interface IInvocationTarget
{
    /// <summary>Delivers one event with the given function timeout; null when no outcome ever came (a lost invocation).</summary>
    Task<DeliveryOutcome?> DeliverAsync(byte[] payload, TimeSpan timeout);
}

/// <summary>One delivery as the ledger keeps it.</summary>
public sealed record DeliveryRecord(SoakEvent Event, int Attempt, FaultPlan Plan, DeliveryOutcome? Outcome, int UnusedFaults, DateTimeOffset Started, DateTimeOffset Ended);
