using System.Globalization;
using System.Text;
using ConfigRules.Testing.Aws;

namespace ConfigRules.Reliability.Tests.FaultInjection;

/// <summary>
/// The soak's figures and its invariant, computed from what the fake Config account accepted and what the
/// Runtime API was told, never from what the code under test claims. Every event ends either acknowledged (its
/// last delivery answered and every expected evaluation accepted with the expected result) or with an error
/// report (so Lambda retries it); nothing is lost; no evaluation is accepted twice with different results.
/// </summary>
public sealed class SoakReport
{
    public int Seed { get; private init; }
    public int Events { get; private init; }
    public int Invocations { get; private init; }
    public int FaultedInvocations { get; private init; }
    public IReadOnlyDictionary<FaultKind, int> FaultsInjected { get; private init; } = new Dictionary<FaultKind, int>();
    public int FaultsUnused { get; private init; }
    public int ConfigRequests { get; private init; }
    public int Retries { get; private init; }
    public int Acknowledged { get; private init; }
    public int AcknowledgedAfterRedelivery { get; private init; }
    public int ErrorsReported { get; private init; }
    public IReadOnlyDictionary<string, int> ErrorTypes { get; private init; } = new Dictionary<string, int>();
    public int EventsEndingInError { get; private init; }
    public int Lost { get; private init; }
    public int NoOutcome { get; private init; }
    public int ConflictingDuplicates { get; private init; }
    public int IdenticalDuplicates { get; private init; }
    public int WrongResults { get; private init; }
    public int Unexpected { get; private init; }
    public IReadOnlyList<string> Problems { get; private init; } = [];

    public static SoakReport Build(int seed, SoakSettings settings, IReadOnlyList<SoakEvent> events, IReadOnlyList<DeliveryRecord> deliveries,
        IReadOnlyList<AcceptedEvaluation> accepted, IReadOnlyList<RecordedRequest> configRequests)
    {
        var problems = new List<string>();
        var byToken = accepted.GroupBy(a => a.ResultToken, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var known = events.Select(e => e.ResultToken).ToHashSet(StringComparer.Ordinal);
        var unexpected = accepted.Count(a => !known.Contains(a.ResultToken));

        int acknowledged = 0, afterRedelivery = 0, endingInError = 0, lost = 0, conflicting = 0, identical = 0, wrong = 0;
        var lastDelivery = deliveries.GroupBy(d => d.Event.ResultToken, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var evt in events)
        {
            var entries = byToken.GetValueOrDefault(evt.ResultToken) ?? [];
            var expectedIds = evt.Expected.Select(e => e.ResourceId).ToHashSet(StringComparer.Ordinal);
            unexpected += entries.Count(e => !expectedIds.Contains(e.ResourceId));
            var missing = 0;
            foreach (var expected in evt.Expected)
            {
                var mine = entries.Where(e => e.ResourceId == expected.ResourceId && e.ResourceType == expected.ResourceType).ToList();
                if (mine.Count == 0) { missing++; continue; }
                var distinct = mine.Select(e => (e.ComplianceType, e.Annotation, e.OrderingTimestamp)).Distinct().Count();
                if (distinct > 1)
                {
                    conflicting++;
                    problems.Add($"{evt.ResultToken} {expected.ResourceId}: accepted {distinct} different results ({string.Join(" | ", mine.Select(m => m.ComplianceType + " " + m.Annotation))}).");
                }
                else if (mine.Count > 1)
                {
                    identical++;
                }
                if (mine.Any(e => e.ComplianceType != expected.ComplianceType))
                {
                    wrong++;
                    problems.Add($"{evt.ResultToken} {expected.ResourceId}: expected {expected.ComplianceType}, accepted {string.Join(", ", mine.Select(m => m.ComplianceType))}.");
                }
            }

            var last = lastDelivery[evt.ResultToken];
            if (last.Outcome is null)
            {
                lost++;
                problems.Add($"{evt.ResultToken}: delivery {last.Attempt} got no outcome from the runtime.");
            }
            else if (last.Outcome.IsError)
            {
                endingInError++;
            }
            else if (missing > 0)
            {
                lost++;
                problems.Add($"{evt.ResultToken}: the invocation succeeded but {missing} of {evt.Expected.Count} evaluations were never accepted (plan {Describe(last.Plan)}).");
            }
            else
            {
                acknowledged++;
                if (last.Attempt > 1) afterRedelivery++;
            }
        }
        if (unexpected > 0) problems.Add($"{unexpected} accepted evaluations belong to no event or resource of the soak.");

        var faults = Enum.GetValues<FaultKind>().ToDictionary(k => k, _ => 0);
        foreach (var delivery in deliveries)
        {
            foreach (var kind in delivery.Plan.CallFaults) faults[kind]++;
            if (delivery.Plan.NearDeadline) faults[FaultKind.NearDeadline]++;
        }

        var errors = deliveries.Where(d => d.Outcome is { IsError: true }).ToList();
        return new SoakReport
        {
            Seed = seed,
            Events = events.Count,
            Invocations = deliveries.Count,
            FaultedInvocations = deliveries.Count(d => d.Plan.IsFaulted),
            FaultsInjected = faults,
            FaultsUnused = deliveries.Sum(d => d.UnusedFaults),
            ConfigRequests = configRequests.Count,
            Retries = CountRetries(deliveries, configRequests),
            Acknowledged = acknowledged,
            AcknowledgedAfterRedelivery = afterRedelivery,
            ErrorsReported = errors.Count,
            ErrorTypes = errors.GroupBy(d => d.Outcome!.ErrorType ?? "?", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            EventsEndingInError = endingInError,
            Lost = lost,
            NoOutcome = deliveries.Count(d => d.Outcome is null),
            ConflictingDuplicates = conflicting,
            IdenticalDuplicates = identical,
            WrongResults = wrong,
            Unexpected = unexpected,
            Problems = problems,
        };
    }

    /// <summary>
    /// Requests that repeat an earlier request of the same delivery (same operation, same body): the AWS layer's
    /// retries. Requests are attributed to deliveries by when the endpoint received them.
    /// </summary>
    private static int CountRetries(IReadOnlyList<DeliveryRecord> deliveries, IReadOnlyList<RecordedRequest> requests)
    {
        var ordered = requests.OrderBy(r => r.ReceivedAt).ToList();
        var retries = 0;
        var index = 0;
        foreach (var delivery in deliveries)
        {
            var seen = new HashSet<(string, string)>();
            while (index < ordered.Count && ordered[index].ReceivedAt < delivery.Started) index++;
            for (; index < ordered.Count && ordered[index].ReceivedAt <= delivery.Ended; index++)
            {
                if (!seen.Add((ordered[index].Operation, ordered[index].BodyText))) retries++;
            }
        }
        return retries;
    }

    private static string Describe(FaultPlan plan) =>
        plan.IsFaulted ? string.Join("+", plan.CallFaults) + (plan.NearDeadline ? "+NearDeadline" : string.Empty) : "no faults";

    public string Figures(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title} (seed {Seed})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  events: {Events}, invocations (deliveries, redeliveries included): {Invocations}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  faulted invocations: {FaultedInvocations} ({100.0 * FaultedInvocations / Math.Max(1, Invocations):0.0}%)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  faults injected by kind: {string.Join(", ", FaultsInjected.Select(f => $"{f.Key} {f.Value}"))} (unused, cleared: {FaultsUnused})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Config requests: {ConfigRequests}, retries by the AWS layer: {Retries}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  acknowledged by PutEvaluations: {Acknowledged} (after a redelivery: {AcknowledgedAfterRedelivery})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  errors reported to the Runtime API: {ErrorsReported} ({string.Join(", ", ErrorTypes.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} {e.Value}"))}); events whose last delivery failed: {EventsEndingInError}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  lost: {Lost} (no outcome: {NoOutcome}), conflicting duplicates: {ConflictingDuplicates}, identical duplicates: {IdenticalDuplicates}, wrong results: {WrongResults}, unexpected: {Unexpected}");
        foreach (var problem in Problems.Take(20)) text.AppendLine("  ! " + problem);
        return text.ToString();
    }
}
