using ConfigRules.Rules;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.FaultInjection;

/// <summary>
/// Breadth: change, oversized and periodic events (periodic ones judge every recorded function, more than one
/// batch of 100) through the pipeline in this process, each delivery with a seeded 20% chance of faults on any
/// Config call (listing, batch reads, history, PutEvaluations, the stale-result query).
/// </summary>
[Category("Soak")]
[Parallelizable(ParallelScope.None)]
public class InProcessSoakTests
{
    public const int Seed = 20250801;
    private const int EventCount = 1000;

    [Test]
    public async Task Change_oversized_and_periodic_events_lose_nothing_under_injected_faults()
    {
        var settings = new SoakSettings();
        await using var server = LoopbackAwsServer.Start();
        var random = new Random(Seed);
        var account = SoakEvents.RecordAccount(60, random, server).ToList();
        var events = new SoakEvent?[EventCount];
        for (var i = 0; i < EventCount; i++)
        {
            if (i % 50 == 0) continue; // periodic events come last: they judge every function recorded by then
            events[i] = i % 4 == 1 ? SoakEvents.Oversized(i, random, server) : SoakEvents.Change(i, random);
            if (i % 4 == 1) account.Add(events[i]!.Expected[0]);
        }
        for (var i = 0; i < EventCount; i += 50) events[i] = SoakEvents.Scheduled(i, account);
        var target = new InProcessTarget(RuleCatalog.Find(SoakEvents.RuleName)!, server, settings);

        var report = await new SoakDriver(server, target, settings, Seed).RunAsync(events.Select(e => e!));

        TestContext.Progress.WriteLine(report.Figures("In-process soak: change, oversized and periodic events"));
        SoakAssertions.Hold(report, EventCount);
    }
}
