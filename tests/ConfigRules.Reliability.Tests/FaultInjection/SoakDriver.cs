using ConfigRules.Testing.Aws;

namespace ConfigRules.Reliability.Tests.FaultInjection;

/// <summary>
/// Delivers events one after another (as Lambda does to one execution environment), each with a freshly drawn
/// fault plan, and redelivers an event whose invocation reported an error (as Lambda retries asynchronous
/// invocations) up to <see cref="SoakSettings.MaxDeliveries"/> times. Faults are queued just before each
/// delivery and whatever the delivery did not use is counted and cleared, so each fault belongs to one delivery.
/// </summary>
public sealed class SoakDriver(LoopbackAwsServer server, IInvocationTarget target, SoakSettings settings, int seed)
{
    private static readonly TimeSpan LateAnswersSafetyNet = TimeSpan.FromSeconds(30);
    private readonly Random _random = new(seed);
    private readonly List<DeliveryRecord> _deliveries = [];

    public IReadOnlyList<DeliveryRecord> Deliveries => _deliveries;

    public async Task<SoakReport> RunAsync(IEnumerable<SoakEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToList();
        foreach (var evt in list)
        {
            for (var attempt = 1; attempt <= settings.MaxDeliveries; attempt++)
            {
                var plan = FaultPlan.Draw(_random, settings, evt.AllowPersistentRefusal);
                plan.Apply(server, settings, entriesPerPut: 1);
                var started = DateTimeOffset.UtcNow;
                var outcome = await target.DeliverAsync(evt.Payload, plan.Timeout(settings)).ConfigureAwait(false);
                var unused = server.Faults.Pending;
                server.Faults.Clear();
                _deliveries.Add(new DeliveryRecord(evt, attempt, plan, outcome, unused, started, DateTimeOffset.UtcNow));
                if (outcome is not { IsError: true }) break;
            }
        }

        // Answers held back by slow-answer faults are still processed by the fake after their client gave up.
        await server.HeldAnswers.ReleaseAsync(LateAnswersSafetyNet).ConfigureAwait(false);
        return SoakReport.Build(seed, settings, list, _deliveries, server.Config.AcceptedEvaluations, server.RequestsFor("config"));
    }
}
