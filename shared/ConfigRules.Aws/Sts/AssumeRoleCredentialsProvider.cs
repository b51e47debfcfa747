using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Transport;
using ConfigRules.Framework.Events;

namespace ConfigRules.Aws.Sts;

/// <summary>
/// The credentials of one role, assumed with STS on first use and kept until <see cref="RefreshBefore"/> ahead of
/// their expiry, then assumed again. Safe for concurrent callers: one AssumeRole at a time, the others wait for it.
/// The credentials are never logged or put into messages.
/// </summary>
public sealed class AssumeRoleCredentialsProvider : IAwsCredentialsProvider, IDisposable
{
    /// <summary>One hour: the default maximum session of an IAM role, so the role needs no setting for it.</summary>
    public const int DefaultDurationSeconds = 3600;

    private readonly StsClient _sts;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private AssumedRoleCredentials? _current;

    public AssumeRoleCredentialsProvider(StsClient sts, string roleArn, string sessionName, TimeProvider? time = null,
        int durationSeconds = DefaultDurationSeconds)
    {
        _sts = sts ?? throw new ArgumentNullException(nameof(sts));
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionName);
        RoleArn = roleArn;
        SessionName = sessionName;
        DurationSeconds = durationSeconds;
        _time = time ?? TimeProvider.System;
    }

    public string RoleArn { get; }
    public string SessionName { get; }
    public int DurationSeconds { get; }

    /// <summary>How long before expiry the role is assumed again, so a signature never uses credentials about to lapse.</summary>
    public TimeSpan RefreshBefore { get; init; } = TimeSpan.FromMinutes(5);

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } cached) return cached;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_current) is { } refreshed) return refreshed;
            AssumedRoleCredentials assumed;
            try
            {
                assumed = await _sts.AssumeRoleAsync(RoleArn, SessionName, DurationSeconds, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex)
            {
                throw new AssumeRoleFailedException(RoleArn, ex);
            }
            _current = assumed;
            return assumed.Credentials;
        }
        finally
        {
            _gate.Release();
        }
    }

    private AwsCredentials? Fresh(AssumedRoleCredentials? assumed) =>
        assumed is not null && _time.GetUtcNow() < assumed.Expiration - RefreshBefore ? assumed.Credentials : null;

    public void Dispose() => _gate.Dispose();
}

/// <summary>
/// STS refused or failed to hand out a role's credentials (the role is missing, does not trust the caller, or STS
/// kept failing). The invocation fails with this error type, so Lambda retries it.
/// </summary>
public sealed class AssumeRoleFailedException(string roleArn, AwsServiceException inner)
    : ConfigRulesException("AssumeRoleFailedException",
        $"Could not assume {roleArn}: {inner.Message} The role must exist in that account and trust this function's role " +
        "(see docs/deploy.md, organization roll-out).", inner)
{
    public string RoleArn { get; } = roleArn;
    public string StsErrorCode { get; } = inner.ErrorCode;
}
