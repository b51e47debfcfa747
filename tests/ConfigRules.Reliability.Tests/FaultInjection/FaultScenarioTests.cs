using ConfigRules.Rules;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.FaultInjection;

/// <summary>
/// Each injected fault on its own, through the pipeline and the signed Config client against the loopback
/// endpoint: a transient fault is absorbed by retries and the evaluation is acknowledged; a lasting one fails
/// the invocation with a clear error type, so that Lambda retries it.
/// </summary>
[Parallelizable(ParallelScope.None)]
public class FaultScenarioTests
{
    private static readonly SoakSettings Settings = new();

    /// <summary>Only against a hung test: the events waited for are due at once.</summary>
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The first signed call of a process loads and compiles the signer, which can outlast the short per-call
    /// timeout these tests use; one call beforehand keeps the counts below about the faults, not about start-up.
    /// </summary>
    [OneTimeSetUp]
    public async Task WarmUp()
    {
        await using var server = LoopbackAwsServer.Start();
        var target = new InProcessTarget(RuleCatalog.Find(SoakEvents.RuleName)!, server, Settings with { PerCallTimeout = TimeSpan.FromSeconds(10) });
        (await target.DeliverAsync(SoakEvents.Change(0, new Random(0)).Payload, Settings.InvocationTimeout)).Should().Be(DeliveryOutcome.Response);
    }

    public static IEnumerable<TestCaseData> TransientFaults()
    {
        yield return new TestCaseData(new[] { FaultKind.Throttling, FaultKind.Throttling }).SetName("Throttled twice");
        yield return new TestCaseData(new[] { FaultKind.InternalError500 }).SetName("HTTP 500");
        yield return new TestCaseData(new[] { FaultKind.ServiceUnavailable503, FaultKind.ServiceUnavailable503 }).SetName("HTTP 503 twice");
        yield return new TestCaseData(new[] { FaultKind.ConnectionReset }).SetName("Connection reset");
        yield return new TestCaseData(new[] { FaultKind.SlowerThanCallTimeout }).SetName("Answer slower than the per-call timeout");
        yield return new TestCaseData(new[] { FaultKind.FailedEvaluations }).SetName("FailedEvaluations once");
        yield return new TestCaseData(new[] { FaultKind.ConnectionReset, FaultKind.Throttling, FaultKind.FailedEvaluations }).SetName("Reset, throttled, then refused");
    }

    [TestCaseSource(nameof(TransientFaults))]
    public async Task A_transient_fault_is_retried_and_the_evaluation_acknowledged_with_one_result(FaultKind[] faults)
    {
        await using var server = LoopbackAwsServer.Start();
        var target = new InProcessTarget(RuleCatalog.Find(SoakEvents.RuleName)!, server, Settings);
        var evt = SoakEvents.Change(1, new Random(1));
        new FaultPlan(faults, false, false).Apply(server, Settings, entriesPerPut: 1);

        var outcome = await target.DeliverAsync(evt.Payload, Settings.InvocationTimeout);

        outcome.Should().Be(DeliveryOutcome.Response, "a transient fault must not fail the invocation");
        server.Faults.Pending.Should().Be(0, "every injected fault was met");
        await server.HeldAnswers.ReleaseAsync(SafetyNet); // a held-back answer is still processed by the fake
        var accepted = server.Config.AcceptedEvaluations.Where(a => a.ResultToken == evt.ResultToken).ToList();
        accepted.Should().NotBeEmpty();
        accepted.Select(a => (a.ResourceId, a.ComplianceType, a.Annotation, a.OrderingTimestamp)).Distinct().Should().ContainSingle()
            .Which.ComplianceType.Should().Be(evt.Expected[0].ComplianceType);
        server.RequestsFor("config", "PutEvaluations").Should().HaveCountGreaterThan(faults.Length - 1, "each fault cost one attempt");
    }

    [TestCase(FaultKind.Throttling, "ThrottlingException")]
    [TestCase(FaultKind.ServiceUnavailable503, "ServiceUnavailable")]
    [TestCase(FaultKind.FailedEvaluations, "FailedEvaluations")]
    public async Task A_fault_outlasting_every_retry_fails_the_invocation_with_its_error_type(FaultKind kind, string errorType)
    {
        await using var server = LoopbackAwsServer.Start();
        var target = new InProcessTarget(RuleCatalog.Find(SoakEvents.RuleName)!, server, Settings);
        var evt = SoakEvents.Change(2, new Random(2));
        new FaultPlan(Enumerable.Repeat(kind, Settings.MaxAttempts).ToArray(), true, false).Apply(server, Settings, entriesPerPut: 1);

        var outcome = await target.DeliverAsync(evt.Payload, Settings.InvocationTimeout);

        outcome!.IsError.Should().BeTrue("an evaluation that was not acknowledged must fail the invocation so that Lambda retries it");
        outcome.ErrorType.Should().Be(errorType);
        outcome.ErrorMessage.Should().Contain("PutEvaluations");
        await server.HeldAnswers.ReleaseAsync(SafetyNet); // an attempt that outran the per-call timeout is recorded when answered
        server.Config.AcceptedEvaluations.Should().NotContain(a => a.ResultToken == evt.ResultToken);
        server.RequestsFor("config", "PutEvaluations").Should().HaveCount(Settings.MaxAttempts, "AWS_MAX_ATTEMPTS bounds the attempts");
    }

    [Test]
    public async Task Oversized_items_survive_faults_on_GetResourceConfigHistory()
    {
        await using var server = LoopbackAwsServer.Start();
        var target = new InProcessTarget(RuleCatalog.Find(SoakEvents.RuleName)!, server, Settings);
        var evt = SoakEvents.Oversized(3, new Random(3), server);
        new FaultPlan([FaultKind.Throttling, FaultKind.ConnectionReset, FaultKind.InternalError500], false, false).Apply(server, Settings, 1);

        (await target.DeliverAsync(evt.Payload, Settings.InvocationTimeout)).Should().Be(DeliveryOutcome.Response);

        server.RequestsFor("config", "GetResourceConfigHistory").Should().HaveCount(4);
        server.Config.AcceptedEvaluations.Should().ContainSingle(a => a.ResultToken == evt.ResultToken)
            .Which.ComplianceType.Should().Be(evt.Expected[0].ComplianceType);
    }

    [Test]
    public async Task A_near_deadline_with_a_slow_answer_reports_an_error_instead_of_hanging_or_claiming_success()
    {
        // The invocation's budget runs on a fake clock, moved once the call hangs; the answer is held until released.
        var time = new FakeTimeProvider();
        var settings = Settings with { PerCallTimeout = TimeSpan.FromMinutes(5) };
        await using var server = LoopbackAwsServer.Start();
        var target = new InProcessTarget(RuleCatalog.Find(SoakEvents.RuleName)!, server, settings, time);
        var evt = SoakEvents.Change(4, new Random(4));
        var plan = new FaultPlan([], false, true);
        plan.Apply(server, settings, 1);

        var delivering = target.DeliverAsync(evt.Payload, plan.Timeout(settings));
        await server.HeldAnswers.WaitForHeldAsync(SafetyNet);
        time.Advance(plan.Timeout(settings));
        var outcome = await delivering.WaitAsync(SafetyNet);

        outcome!.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("InvocationDeadlineException");
        server.HeldAnswers.Count.Should().Be(1, "the work stops before Lambda's deadline, while the answer is still outstanding, so that the error can still be reported");
        server.Config.AcceptedEvaluations.Should().NotContain(a => a.ResultToken == evt.ResultToken);
    }
}
