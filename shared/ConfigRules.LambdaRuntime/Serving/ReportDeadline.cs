namespace ConfigRules.LambdaRuntime.Serving;

/// <summary>
/// Cancels a report to the Runtime API that takes longer than its timeout on the loop's clock, or when the loop
/// stops: a hung report must not keep the loop from serving the next invocation.
/// </summary>
internal sealed class ReportDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public ReportDeadline(TimeSpan timeout, TimeProvider time, CancellationToken stopping)
    {
        _timer = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _timer.Token);
    }

    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
