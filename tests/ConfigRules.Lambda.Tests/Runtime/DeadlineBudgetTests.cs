using ConfigRules.LambdaRuntime.Api;
using ConfigRules.LambdaRuntime.Serving;
using Microsoft.Extensions.Time.Testing;

namespace ConfigRules.Lambda.Tests.Runtime;

[TestFixture]
public sealed class DeadlineBudgetTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void The_token_fires_the_safety_margin_before_the_deadline()
    {
        var time = new FakeTimeProvider(Start);
        using var budget = DeadlineBudget.Start(Start.AddSeconds(60), TimeSpan.FromSeconds(1), time, CancellationToken.None);

        budget.Budget.Should().Be(TimeSpan.FromSeconds(59));
        time.Advance(TimeSpan.FromSeconds(58.9));
        budget.Token.IsCancellationRequested.Should().BeFalse();
        time.Advance(TimeSpan.FromSeconds(0.1));
        budget.Token.IsCancellationRequested.Should().BeTrue();
        budget.Expired.Should().BeTrue();
    }

    [Test]
    public void A_short_invocation_keeps_at_least_half_of_its_time()
    {
        var time = new FakeTimeProvider(Start);
        using var budget = DeadlineBudget.Start(Start.AddMilliseconds(800), TimeSpan.FromSeconds(1), time, CancellationToken.None);

        budget.Budget.Should().Be(TimeSpan.FromMilliseconds(400));
    }

    [Test]
    public void A_deadline_already_past_cancels_at_once()
    {
        var time = new FakeTimeProvider(Start);
        using var budget = DeadlineBudget.Start(Start.AddSeconds(-1), TimeSpan.FromSeconds(1), time, CancellationToken.None);

        budget.Token.IsCancellationRequested.Should().BeTrue();
        budget.Budget.Should().Be(TimeSpan.Zero);
    }

    [Test]
    public void Without_a_deadline_only_stopping_cancels()
    {
        using var stopping = new CancellationTokenSource();
        using var budget = DeadlineBudget.Start(null, TimeSpan.FromSeconds(1), new FakeTimeProvider(Start), stopping.Token);

        budget.Budget.Should().BeNull();
        budget.Token.IsCancellationRequested.Should().BeFalse();
        stopping.Cancel();
        budget.Token.IsCancellationRequested.Should().BeTrue();
        budget.Expired.Should().BeFalse("the host stopped, not the deadline");
    }

    [TestCase("1735689600000", 1735689600000L)]
    [TestCase("", null)]
    [TestCase("-5", null)]
    [TestCase("soon", null)]
    public void Reads_lambda_runtime_deadline_ms(string header, long? expectedMs) =>
        (RuntimeApiHeaders.ParseDeadline(header)?.ToUnixTimeMilliseconds()).Should().Be(expectedMs);
}
