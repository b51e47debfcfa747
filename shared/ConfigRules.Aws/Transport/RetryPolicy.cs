using System.Net;

namespace ConfigRules.Aws.Transport;

/// <summary>How hard the transport tries: attempts, backoff bounds and the per-call timeout.</summary>
public sealed record RetryOptions
{
    public static RetryOptions Default { get; } = new();

    /// <summary>Attempts per call, the first included. The caller's deadline usually ends retries sooner.</summary>
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One attempt's limit (connect, send, read); a call that hangs is retried like a dropped connection.</summary>
    public TimeSpan PerCallTimeout { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>The wait before a retry; tests substitute one that records delays instead of sleeping.</summary>
public interface IRetryDelayStrategy
{
    /// <summary>The delay before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    TimeSpan DelayBefore(int retry);
}

/// <summary>
/// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
/// a uniformly random delay between zero and min(cap, base * 2^(retry-1)), so that many throttled callers
/// spread out instead of retrying in step.
/// </summary>
public sealed class FullJitterBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? random = null) : IRetryDelayStrategy
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public FullJitterBackoff(RetryOptions options) : this(options.BaseDelay, options.MaxDelay) { }

    public TimeSpan DelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        var fraction = Math.Clamp(_random(), 0d, 1d);
        return TimeSpan.FromMilliseconds(ceiling * fraction);
    }
}

/// <summary>Which failures are worth another attempt.</summary>
public static class AwsRetryClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "TooManyRequestsException", "Throttling", "RequestLimitExceeded", "ThrottledException",
        "RequestThrottledException", "RequestThrottled", "SlowDown", "ProvisionedThroughputExceededException",
        "BandwidthLimitExceeded", "PriorRequestNotComplete", "EC2ThrottledException", "TransactionInProgressException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError",
        "ServiceUnavailable", "ServiceUnavailableException", "ServiceFailure", "ServiceException", "InternalErrorException",
    };

    public static bool IsThrottling(string code) => ThrottlingCodes.Contains(code);

    public static bool IsRetryable(HttpStatusCode status, string code) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500 || IsThrottling(code) || TransientCodes.Contains(code);
}
