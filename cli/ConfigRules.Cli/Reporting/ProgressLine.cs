namespace ConfigRules.Cli.Reporting;

/// <summary>
/// A one-line progress report on stderr for long inputs: only when stderr is a terminal, only after the first
/// second, at most four times a second, and erased when done so it never mixes with the report.
/// </summary>
public sealed class ProgressLine(TextWriter error, bool enabled, TimeProvider clock)
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly long _started = clock.GetTimestamp();
    private long _lastShown;
    private bool _shown;

    public void Report(long bytesDone, long bytesTotal, long items)
    {
        if (!enabled) return;
        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(_started, now) < Delay || (_shown && clock.GetElapsedTime(_lastShown, now) < Interval)) return;
        _lastShown = now;
        _shown = true;
        // Streams of unknown length (S3 objects, stdin) have no percentage to show.
        var percent = bytesTotal > 0 ? Math.Min(100, bytesDone * 100 / bytesTotal) : 0;
        error.Write(bytesTotal > 0
            ? $"\r\u001b[Kconfigrules: {percent}% of {bytesTotal / (1024 * 1024)} MB read, {items} items evaluated"
            : $"\r\u001b[Kconfigrules: {items} items evaluated");
        error.Flush();
    }

    /// <summary>A progress text of the caller's own (reading from AWS Config: items, not bytes), shown as <see cref="Report"/> is.</summary>
    public void ReportText(string text)
    {
        if (!enabled) return;
        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(_started, now) < Delay || (_shown && clock.GetElapsedTime(_lastShown, now) < Interval)) return;
        _lastShown = now;
        _shown = true;
        error.Write($"\r\u001b[K{text}");
        error.Flush();
    }

    public void Clear()
    {
        if (!_shown) return;
        error.Write("\r\u001b[K");
        error.Flush();
        _shown = false;
    }
}
