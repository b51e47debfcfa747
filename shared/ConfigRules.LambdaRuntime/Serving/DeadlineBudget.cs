namespace ConfigRules.LambdaRuntime.Serving;

/// <summary>
/// The cancellation of one invocation: fires <see cref="RuntimeOptions.DeadlineSafetyMargin"/> before Lambda's
/// deadline (at most half of the time left, so short invocations still get to work), or when the host stops.
/// </summary>
public sealed class DeadlineBudget : IDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _linked;

    private DeadlineBudget(CancellationTokenSource deadline, TimeSpan? budget, CancellationToken stopping)
    {
        _deadline = deadline;
        _linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stopping);
        Budget = budget;
    }

    /// <summary>How long the handler may run, or null when the Runtime API gave no deadline.</summary>
    public TimeSpan? Budget { get; }

    public CancellationToken Token => _linked.Token;

    /// <summary>True once the deadline (not the host) cancelled the invocation.</summary>
    public bool Expired => _deadline.IsCancellationRequested;

    public static DeadlineBudget Start(DateTimeOffset? deadline, TimeSpan safetyMargin, TimeProvider time, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (deadline is null) return new DeadlineBudget(new CancellationTokenSource(), null, stopping);

        var remaining = deadline.Value - time.GetUtcNow();
        var margin = TimeSpan.FromTicks(Math.Min(safetyMargin.Ticks, Math.Max(0, remaining.Ticks / 2)));
        var budget = remaining - margin;
        if (budget <= TimeSpan.Zero)
        {
            var expired = new CancellationTokenSource();
            expired.Cancel();
            return new DeadlineBudget(expired, TimeSpan.Zero, stopping);
        }
        return new DeadlineBudget(new CancellationTokenSource(budget, time), budget, stopping);
    }

    public void Dispose()
    {
        _linked.Dispose();
        _deadline.Dispose();
    }
}
