using ConfigRules.Testing.Aws;

namespace ConfigRules.Reliability.Tests.FaultInjection;

/// <summary>The faults the soak injects; each maps to one way AWS or the network misbehaves.</summary>
public enum FaultKind
{
    Throttling,
    InternalError500,
    ServiceUnavailable503,
    ConnectionReset,
    SlowerThanCallTimeout,
    FailedEvaluations,
    NearDeadline,
}

/// <summary>
/// What goes wrong during one delivery of an event: faults for the next Config calls (whatever the operation),
/// in order, and whether the invocation's deadline is near. A persistent plan outlasts every retry, so the
/// invocation must fail and report an error; a transient one must be absorbed by retries.
/// </summary>
public sealed record FaultPlan(IReadOnlyList<FaultKind> CallFaults, bool Persistent, bool NearDeadline)
{
    public static readonly FaultPlan None = new([], false, false);

    public bool IsFaulted => CallFaults.Count > 0 || NearDeadline;

    public TimeSpan Timeout(SoakSettings settings) => NearDeadline ? settings.NearDeadlineTimeout : settings.InvocationTimeout;

    /// <summary>Queues the plan on the loopback endpoint; FailedEvaluations refuse <paramref name="entriesPerPut"/> entries a round.</summary>
    public void Apply(LoopbackAwsServer server, SoakSettings settings, int entriesPerPut)
    {
        ArgumentNullException.ThrowIfNull(server);
        foreach (var kind in CallFaults)
        {
            switch (kind)
            {
                case FaultKind.Throttling: server.Faults.Throttle("config", "*"); break;
                case FaultKind.InternalError500: server.Faults.ServerError("config", "*", 500); break;
                case FaultKind.ServiceUnavailable503: server.Faults.ServerError("config", "*", 503); break;
                case FaultKind.ConnectionReset: server.Faults.ResetConnection("config", "*"); break;
                case FaultKind.SlowerThanCallTimeout: server.Faults.HoldAnswer("config", "*"); break;
                case FaultKind.FailedEvaluations: server.Config.RefuseNextEvaluations(entriesPerPut); break;
                default: throw new InvalidOperationException($"{kind} is not a call fault.");
            }
        }
        if (NearDeadline) server.Faults.HoldAnswer("config", "*");
    }

    /// <summary>
    /// Draws a plan: with probability <see cref="SoakSettings.FaultRate"/> the delivery is faulted. A faulted
    /// delivery is near its deadline (1 in 7), persistently failing (1 in 7: one kind for every attempt), or
    /// transiently failing (one to three faults, a FailedEvaluations refusal only ever last, so that it is always
    /// consumed by this delivery's PutEvaluations and never leaks into the next).
    /// </summary>
    public static FaultPlan Draw(Random random, SoakSettings settings, bool allowPersistentRefusal = true)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(settings);
        if (random.NextDouble() >= settings.FaultRate) return None;
        switch (random.Next(7))
        {
            case 0:
                return new FaultPlan([], false, true);
            case 1:
                FaultKind[] lasting = allowPersistentRefusal
                    ? [FaultKind.Throttling, FaultKind.ServiceUnavailable503, FaultKind.FailedEvaluations]
                    : [FaultKind.Throttling, FaultKind.ServiceUnavailable503];
                var kind = lasting[random.Next(lasting.Length)];
                return new FaultPlan(Enumerable.Repeat(kind, settings.MaxAttempts).ToArray(), true, false);
            default:
                FaultKind[] passing = [FaultKind.Throttling, FaultKind.InternalError500, FaultKind.ServiceUnavailable503, FaultKind.ConnectionReset, FaultKind.SlowerThanCallTimeout];
                var count = 1 + random.Next(3);
                var faults = Enumerable.Range(0, count).Select(_ => passing[random.Next(passing.Length)]).ToList();
                if (random.Next(4) == 0) faults[^1] = FaultKind.FailedEvaluations;
                return new FaultPlan(faults, false, false);
        }
    }
}

/// <summary>How the soak runs: fault rate, retry settings given to the AWS layer, deadlines.</summary>
public sealed record SoakSettings
{
    public double FaultRate { get; init; } = 0.2;

    /// <summary>Attempts per AWS call (AWS_MAX_ATTEMPTS); a persistent plan queues this many faults.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>One attempt's limit; a held-back answer (SlowerThanCallTimeout) comes only once the run releases it.</summary>
    public TimeSpan PerCallTimeout { get; init; } = TimeSpan.FromMilliseconds(60);

    public TimeSpan InvocationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A deadline so near that the held-back answer cannot arrive in time.</summary>
    public TimeSpan NearDeadlineTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often Lambda delivers an event whose invocation failed (the first delivery included).</summary>
    public int MaxDeliveries { get; init; } = 3;

    /// <summary>The AWS layer's environment overrides (see RetrySettingsFromEnvironment).</summary>
    public IReadOnlyDictionary<string, string> AwsEnvironment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_MAX_ATTEMPTS"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CONFIGRULES_AWS_RETRY_BASE_DELAY_MS"] = ((long)BaseDelay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CONFIGRULES_AWS_RETRY_MAX_DELAY_MS"] = ((long)MaxDelay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CONFIGRULES_AWS_CALL_TIMEOUT_MS"] = ((long)PerCallTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
