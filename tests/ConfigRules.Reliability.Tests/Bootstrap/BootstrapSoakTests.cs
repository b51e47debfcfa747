using System.Text.Json;
using ConfigRules.Reliability.Tests.FaultInjection;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;
using FluentAssertions;
using FluentAssertions.Execution;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.Bootstrap;

/// <summary>
/// The invariant over 10,000 events served by the real published bootstrap, one long-lived process, with a
/// seeded 20% fault rate on its Config calls (throttling, 500, 503, connection resets, answers slower than the
/// per-call timeout, FailedEvaluations, near deadlines) and Lambda's redelivery of failed invocations. Backoff
/// and the per-call timeout are shortened through the AWS layer's environment variables so that it runs in
/// about a minute.
/// </summary>
[Category("Soak")]
[Parallelizable(ParallelScope.None)]
public class BootstrapSoakTests
{
    public const int Seed = 8_2025;
    private const int EventCount = 10_000;

    [Test]
    public async Task Ten_thousand_invocations_of_one_bootstrap_lose_no_evaluation_under_injected_faults()
    {
        var settings = new SoakSettings();
        await using var aws = LoopbackAwsServer.Start();
        var random = new Random(Seed);
        var events = Enumerable.Range(0, EventCount)
            .Select(i => i % 4 == 1 ? SoakEvents.Oversized(i, random, aws) : SoakEvents.Change(i, random))
            .ToList();
        await using var function = LoopbackFunction.StartAgainst(SoakEvents.RuleName, aws, settings.AwsEnvironment);

        var driver = new SoakDriver(aws, new BootstrapTarget(function), settings, Seed);
        var report = await driver.RunAsync(events);

        TestContext.Progress.WriteLine(report.Figures("Bootstrap soak: one published bootstrap process"));
        SoakAssertions.Hold(report, EventCount);
        using (new AssertionScope())
        {
            function.Process.HasExited.Should().BeFalse("one process served every invocation");
            function.RuntimeApi.DuplicateReports.Should().Be(0, "each invocation ends with exactly one response or error");
            function.RuntimeApi.ServerErrors.Should().BeEmpty();
            LogsCarryTheRequestIds(function, driver.Deliveries.Count);
        }
    }

    private static string? RequestIdOf(JsonElement entry) =>
        entry.TryGetProperty("requestId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>Every stdout line is a JSON object; every invocation's lines carry its request id.</summary>
    private static void LogsCarryTheRequestIds(LoopbackFunction function, int invocations)
    {
        function.Process.StandardOutput.Should().OnlyContain(line => line.StartsWith('{'), "the runtime logs structured JSON only");
        var ids = function.Process.LogEntries
            .Where(entry => entry.TryGetProperty("requestId", out _))
            .Select(entry => entry.GetProperty("requestId").GetString())
            .ToHashSet(StringComparer.Ordinal);
        var dispatched = function.RuntimeApi.Requests.Count(r => r.Path.EndsWith("/response", StringComparison.Ordinal) || r.Path.EndsWith("/error", StringComparison.Ordinal));
        dispatched.Should().Be(invocations);
        ids.Should().HaveCount(invocations, "each invocation logs under its own request id");
        function.Process.LogEntries.Where(e => e.TryGetProperty("message", out var message) && message.GetString() is "Invocation started" or "Invocation failed" or "Invocation succeeded")
            .Select(RequestIdOf).Should().NotContainNulls("invocation lines name their request");
    }
}
