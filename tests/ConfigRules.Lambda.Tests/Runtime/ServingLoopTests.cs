using System.Net;
using System.Text;
using ConfigRules.LambdaRuntime.Errors;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Serving;

namespace ConfigRules.Lambda.Tests.Runtime;

/// <summary>
/// The serving loop in process against the loopback Runtime API: outcomes, errors, deadlines, recovery. Deadlines
/// and backoff pauses run on a <see cref="SteppedTime"/>: the tests move the clock, nothing waits on the real one.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ServingLoopTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly RuntimeOptions FastPolls = new()
    {
        InitialPollBackoff = TimeSpan.FromMilliseconds(10),
        MaxPollBackoff = TimeSpan.FromMilliseconds(40),
    };

    [Test]
    public async Task Answers_each_invocation_with_its_response_and_exports_the_trace_id()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("echo", TestHandlers.Echo)), "echo");
        var first = runtime.Api.Enqueue("one", traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        var second = runtime.Api.Enqueue("two");

        var one = await first.WaitAsync(Wait);
        var two = await second.WaitAsync(Wait);

        one.IsError.Should().BeFalse();
        one.Json.GetProperty("echo").GetString().Should().Be("one");
        one.Json.GetProperty("trace").GetString().Should().StartWith("Root=1-5759e988");
        two.Json.GetProperty("echo").GetString().Should().Be("two");
        runtime.Environment.GetVariable("_X_AMZN_TRACE_ID").Should().BeNull("the second invocation carried no trace id");
        runtime.Api.DuplicateReports.Should().Be(0);
        runtime.Api.ServerErrors.Should().BeEmpty();
    }

    [Test]
    public async Task A_typed_failure_is_reported_with_its_error_type_in_body_and_header_and_the_loop_goes_on()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("echo", TestHandlers.Echo)), "echo");
        var bad = runtime.Api.Enqueue("throw:invokingEvent is missing.");
        var good = runtime.Api.Enqueue("after");

        var failed = await bad.WaitAsync(Wait);
        var answered = await good.WaitAsync(Wait);

        failed.IsError.Should().BeTrue();
        failed.ErrorType.Should().Be("InvalidEventException");
        failed.ErrorTypeHeader.Should().Be("InvalidEventException");
        failed.ErrorMessage.Should().Be("invokingEvent is missing.");
        failed.Json.TryGetProperty("stackTrace", out _).Should().BeFalse("expected failures carry no stack trace");
        answered.IsError.Should().BeFalse();
        runtime.Run.IsCompleted.Should().BeFalse("the process keeps serving after a bad event");
    }

    [Test]
    public async Task An_unexpected_exception_is_reported_with_its_type_name_and_stack()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("echo", TestHandlers.Echo), ("sync", TestHandlers.ThrowsSynchronously)), "echo");

        var outcome = await runtime.Api.Enqueue("crash").WaitAsync(Wait);

        outcome.ErrorType.Should().Be("InvalidOperationException");
        outcome.ErrorMessage.Should().Be("The handler crashed.");
        outcome.Json.GetProperty("stackTrace").GetArrayLength().Should().BeGreaterThan(0);
        runtime.LogEntries.Should().Contain(e => e.GetProperty("message").GetString() == "Invocation failed"
            && e.GetProperty("requestId").GetString() == outcome.RequestId
            && e.GetProperty("level").GetString() == "ERROR");
    }

    [Test]
    public async Task A_handler_that_throws_before_returning_a_task_still_gets_an_error_report()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("sync", TestHandlers.ThrowsSynchronously)), "sync");

        var outcome = await runtime.Api.Enqueue("{}").WaitAsync(Wait);

        outcome.ErrorType.Should().Be("ArgumentException");
        runtime.Run.IsCompleted.Should().BeFalse();
    }

    [Test]
    public async Task A_huge_exception_message_is_cut_to_the_cap_and_the_body_stays_small()
    {
        var huge = new HandlerTable().Add("huge", _ => new HugeMessageHandler());
        await using var runtime = InProcessRuntime.Start(huge, "huge");

        var outcome = await runtime.Api.Enqueue("{}").WaitAsync(Wait);

        outcome.ErrorType.Should().Be("InvalidOperationException");
        Encoding.UTF8.GetByteCount(outcome.ErrorMessage!).Should().BeLessThanOrEqualTo(ErrorReport.MaxMessageBytes);
        outcome.ErrorMessage.Should().EndWith(ErrorText.TruncationMarker);
        outcome.Body.Length.Should().BeLessThan(16 * 1024);
    }

    [Test]
    public async Task The_invocation_token_fires_before_the_deadline_and_the_error_is_reported_in_time()
    {
        var time = new SteppedTime();
        var options = new RuntimeOptions { DeadlineSafetyMargin = TimeSpan.FromMilliseconds(800) };
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("slow", TestHandlers.WaitsForCancellation)), "slow", options, time: time);
        var invocation = runtime.Api.Enqueue("{}", timeout: TimeSpan.FromSeconds(2));

        var budget = await time.ElapseNextTimerAsync();
        var outcome = await invocation.WaitAsync(Wait);

        budget.Should().Be(TimeSpan.FromMilliseconds(1200), "the handler has the time left up to the margin");
        outcome.ErrorType.Should().Be(nameof(InvocationDeadlineException));
        outcome.ErrorMessage.Should().Contain("0.8 s before Lambda's deadline").And.Contain("within the 1.2 s it had");
        outcome.ReportedAt.Should().Be(invocation.DispatchedAt!.Value + budget, "the error is reported as soon as the budget is spent");
        outcome.ReportedAt.Should().BeBefore(invocation.Deadline!.Value, "the error must reach Lambda while the invocation is still alive");
    }

    [Test]
    public async Task A_short_invocation_keeps_half_of_its_time_when_the_margin_would_take_more()
    {
        var time = new SteppedTime();
        var options = new RuntimeOptions { DeadlineSafetyMargin = TimeSpan.FromSeconds(5) };
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("slow", TestHandlers.WaitsForCancellation)), "slow", options, time: time);
        var invocation = runtime.Api.Enqueue("{}", timeout: TimeSpan.FromSeconds(2));

        var budget = await time.ElapseNextTimerAsync();
        var outcome = await invocation.WaitAsync(Wait);

        budget.Should().Be(TimeSpan.FromSeconds(1));
        outcome.ErrorType.Should().Be(nameof(InvocationDeadlineException));
    }

    [Test]
    public async Task A_failing_next_is_retried_with_growing_jittered_pauses_until_the_api_recovers()
    {
        var time = new SteppedTime();
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("echo", TestHandlers.Echo)), "echo", FastPolls, time: time);
        runtime.Api.FailNextPolls(3, HttpStatusCode.InternalServerError);
        var invocation = runtime.Api.Enqueue("recovered");

        var pauses = new List<TimeSpan>();
        for (var i = 0; i < 3; i++) pauses.Add(await time.ElapseNextTimerAsync());
        var outcome = await invocation.WaitAsync(Wait);

        // Each pause is half its backoff plus up to half again; the backoff doubles from 10 ms to the 40 ms cap.
        pauses[0].Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(5)).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(10));
        pauses[1].Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(10)).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(20));
        pauses[2].Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(20)).And.BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(40));
        outcome.Json.GetProperty("echo").GetString().Should().Be("recovered");
        runtime.Api.PollCount.Should().BeGreaterThanOrEqualTo(4);
        runtime.LogEntries.Count(e => e.GetProperty("message").GetString()!.StartsWith("Polling /invocation/next failed", StringComparison.Ordinal))
            .Should().Be(3);
    }

    [Test]
    public async Task A_runtime_api_that_keeps_failing_ends_the_process_with_exit_code_1()
    {
        var time = new SteppedTime();
        var options = FastPolls with { MaxConsecutivePollFailures = 3 };
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("echo", TestHandlers.Echo)), "echo", options, time: time);
        runtime.Api.FailNextPolls(100, HttpStatusCode.InternalServerError);

        await time.ElapseNextTimerAsync();
        await time.ElapseNextTimerAsync();
        var exitCode = await runtime.Run.WaitAsync(Wait);

        exitCode.Should().Be(1);
        runtime.Api.PollCount.Should().Be(3);
    }

    [Test]
    public async Task A_response_the_api_refuses_turns_into_an_error_report()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("echo", TestHandlers.Echo)), "echo");
        runtime.Api.FailNextReports(1);

        var outcome = await runtime.Api.Enqueue("lost").WaitAsync(Wait);

        outcome.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("Runtime.ResponseNotDelivered");
        runtime.Api.DuplicateReports.Should().Be(0);
    }

    [Test]
    public async Task An_error_report_that_fails_is_logged_and_the_loop_serves_the_next_invocation()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("echo", TestHandlers.Echo)), "echo");
        runtime.Api.FailNextReports(1);
        var crashed = runtime.Api.Enqueue("crash");
        var next = runtime.Api.Enqueue("next");

        var outcome = await next.WaitAsync(Wait);

        outcome.Json.GetProperty("echo").GetString().Should().Be("next");
        crashed.Outcome.IsCompleted.Should().BeFalse("its only report was refused");
        runtime.LogEntries.Should().Contain(e => e.GetProperty("message").GetString()!.StartsWith("Reporting the invocation error failed", StringComparison.Ordinal)
            && e.GetProperty("requestId").GetString() == crashed.RequestId);
    }

    [Test]
    public async Task Stopping_ends_a_waiting_poll_with_exit_code_0()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("echo", TestHandlers.Echo)), "echo");
        await runtime.Api.Enqueue("first").WaitAsync(Wait);

        var exitCode = await runtime.StopAsync();

        exitCode.Should().Be(0);
    }

    private sealed class HugeMessageHandler : IInvocationHandler
    {
        public Task<ReadOnlyMemory<byte>> HandleAsync(ReadOnlyMemory<byte> payload, LambdaRuntime.Api.InvocationContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(string.Concat(Enumerable.Repeat("Résumé 🚀 overflow. ", 50_000)));
    }
}
