using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ConfigRules.Lambda.Tests.Runtime;

/// <summary>
/// A fake clock that tells the test each timer the code under test starts (a backoff pause, an invocation's
/// deadline budget), so the test moves time exactly when the loop waits on it and never sleeps on the real clock.
/// </summary>
internal sealed class SteppedTime : FakeTimeProvider
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan) _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started (one already started counts).</summary>
    public async Task<TimeSpan> NextTimerAsync() => await _timers.Reader.ReadAsync().AsTask().WaitAsync(Wait);

    /// <summary>Waits for the next timer, moves the clock to its due time, and returns that due time.</summary>
    public async Task<TimeSpan> ElapseNextTimerAsync()
    {
        var dueTime = await NextTimerAsync();
        Advance(dueTime);
        return dueTime;
    }
}
