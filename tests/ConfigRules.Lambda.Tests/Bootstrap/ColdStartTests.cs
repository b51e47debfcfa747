using System.Diagnostics;

namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>
/// Cold start of the published bootstrap: process start to the first invocation answered, against the loopback
/// Runtime API (an event that needs no AWS call, so only the runtime's own start is measured). The numbers are
/// reported, not asserted: speed targets live in bench/. A measurement, not a test: outside the default run
/// (`dotnet test --filter TestCategory=Measurement` runs it).
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Measurement")]
[Explicit("A timing measurement: it reports cold-start numbers and asserts nothing about them.")]
public sealed class ColdStartTests
{
    private const int Samples = 5;

    [Test]
    public async Task Reports_the_time_from_process_start_to_the_first_answered_invocation()
    {
        var timings = new List<TimeSpan>();
        for (var i = 0; i < Samples; i++)
        {
            await using var function = LoopbackFunction.Start("lambda-runtime-check");
            var outcome = await function.InvokeAsync(ConfigEvents.SnapshotDelivered());

            outcome.IsError.Should().BeFalse(outcome.ToString());
            outcome.Json.GetProperty("evaluations").GetInt32().Should().Be(0, "a delivery notice is acknowledged without evaluating");
            function.Aws.Requests.Should().BeEmpty();
            timings.Add(Stopwatch.GetElapsedTime(function.Process.StartedTimestamp, outcome.ReportedTimestamp));
        }

        timings.Sort();
        TestContext.Out.WriteLine($"Cold start (process start -> first response), {Samples} runs: median {timings[Samples / 2].TotalMilliseconds:0.0} ms, " +
            $"min {timings[0].TotalMilliseconds:0.0} ms, max {timings[^1].TotalMilliseconds:0.0} ms");
    }
}
