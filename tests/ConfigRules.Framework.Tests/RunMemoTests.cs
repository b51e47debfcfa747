using ConfigRules.Framework.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests;

public sealed class RunMemoTests
{
    [Test]
    public async Task Concurrent_callers_of_one_key_share_one_computation()
    {
        var memo = new RunMemo();
        var calls = 0;
        var release = new TaskCompletionSource<string[]>();
        Task<string[]> Compute(CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            return release.Task;
        }

        var callers = Enumerable.Range(0, 8).Select(_ => memo.GetOrAddAsync("alarms", Compute, CancellationToken.None)).ToList();
        release.SetResult(["a", "b"]);
        var results = await Task.WhenAll(callers);

        calls.Should().Be(1);
        results.Should().OnlyContain(r => ReferenceEquals(r, results[0]));
        (await memo.GetOrAddAsync("alarms", Compute, CancellationToken.None)).Should().Equal("a", "b");
        calls.Should().Be(1);
    }

    [Test]
    public async Task A_failure_reaches_its_callers_and_is_not_kept()
    {
        var memo = new RunMemo();
        var act = () => memo.GetOrAddAsync<string>("trails", _ => Task.FromException<string>(new InvalidOperationException("DescribeTrails failed")), CancellationToken.None);
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("DescribeTrails failed");

        (await memo.GetOrAddAsync("trails", _ => Task.FromResult("second try"), CancellationToken.None)).Should().Be("second try");
    }

    [Test]
    public async Task Each_rule_context_is_a_run_of_its_own()
    {
        var calls = 0;
        Task<string> Compute(CancellationToken _) => Task.FromResult($"run {Interlocked.Increment(ref calls)}");

        var first = new RuleContext(DateTimeOffset.UnixEpoch, RuleServices.Empty);
        var second = new RuleContext(DateTimeOffset.UnixEpoch, RuleServices.Empty);

        (await first.Memo.GetOrAddAsync("k", Compute, CancellationToken.None)).Should().Be("run 1");
        (await first.Memo.GetOrAddAsync("k", Compute, CancellationToken.None)).Should().Be("run 1");
        (await second.Memo.GetOrAddAsync("k", Compute, CancellationToken.None)).Should().Be("run 2");
    }
}
