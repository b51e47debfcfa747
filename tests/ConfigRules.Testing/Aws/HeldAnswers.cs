namespace ConfigRules.Testing.Aws;

/// <summary>
/// The answers a <see cref="Fault.HoldAnswer"/> keeps back: each waits, without a clock, until the test releases
/// it (or the server stops), then is served and recorded normally. A test waits on these events instead of
/// sleeping: <see cref="WaitForHeldAsync"/> for "the call is hanging now", <see cref="ReleaseAsync"/> for "every
/// late answer has been processed".
/// </summary>
public sealed class HeldAnswers
{
    private readonly object _gate = new();
    private readonly List<Task> _processing = [];
    private readonly SemaphoreSlim _heldSignal = new(0);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    /// <summary>How many answers are held back right now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Waits until one more answer has been held back; <paramref name="safetyNet"/> only guards against a hung test.</summary>
    public async Task WaitForHeldAsync(TimeSpan safetyNet)
    {
        if (!await _heldSignal.WaitAsync(safetyNet).ConfigureAwait(false))
            throw new TimeoutException($"No answer was held back within {safetyNet.TotalSeconds} s: was a HoldAnswer fault queued for the call?");
    }

    /// <summary>Lets every held answer go and waits until each has been answered and recorded.</summary>
    public async Task ReleaseAsync(TimeSpan safetyNet)
    {
        Task[] processing;
        lock (_gate)
        {
            _release.TrySetResult();
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            processing = [.. _processing];
            _processing.Clear();
        }
        await Task.WhenAll(processing).WaitAsync(safetyNet).ConfigureAwait(false);
    }

    /// <summary>Holds one exchange until release; the exchange completes <paramref name="processed"/> once it has answered.</summary>
    internal async Task HoldAsync(Task processed, CancellationToken stopping)
    {
        Task release;
        lock (_gate)
        {
            release = _release.Task;
            _processing.Add(processed);
        }
        Interlocked.Increment(ref _count);
        _heldSignal.Release();
        try
        {
            await release.WaitAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
