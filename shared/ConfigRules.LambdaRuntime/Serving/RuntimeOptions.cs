namespace ConfigRules.LambdaRuntime.Serving;

/// <summary>Tunables of the serving loop; the defaults suit Lambda.</summary>
public sealed record RuntimeOptions
{
    public static readonly RuntimeOptions Default = new();

    /// <summary>
    /// How long before <c>Lambda-Runtime-Deadline-Ms</c> the invocation's token is cancelled, so that retries
    /// stop in time and the error can still be reported. Never more than half the time the invocation had.
    /// </summary>
    public TimeSpan DeadlineSafetyMargin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long posting a response or an error may take (it runs after the handler's token fired).</summary>
    public TimeSpan ReportTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First pause after a failed <c>/invocation/next</c>; it doubles up to <see cref="MaxPollBackoff"/>.</summary>
    public TimeSpan InitialPollBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxPollBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Consecutive failed polls after which the process gives up (exit code 1) and lets Lambda start a fresh
    /// environment: a Runtime API that keeps refusing will not recover within this one.
    /// </summary>
    public int MaxConsecutivePollFailures { get; init; } = 10;

    /// <summary>
    /// The host names its expected failures (a bad event, bad parameters): their error type is reported without a
    /// stack trace. Null for any other exception, which is reported with its type name and frames.
    /// </summary>
    public Func<Exception, string?>? KnownErrorType { get; init; }
}
