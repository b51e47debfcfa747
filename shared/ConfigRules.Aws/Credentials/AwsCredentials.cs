namespace ConfigRules.Aws.Credentials;

/// <summary>
/// One set of signing credentials. <see cref="ToString"/> never shows the secret or the token, so a stray
/// log line or exception message cannot leak them.
/// </summary>
public sealed class AwsCredentials
{
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretAccessKey);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
    }

    public string AccessKeyId { get; }
    public string SecretAccessKey { get; }

    /// <summary>The temporary session token (Lambda always has one); sent and signed as X-Amz-Security-Token.</summary>
    public string? SessionToken { get; }

    public override string ToString() =>
        $"AwsCredentials(AccessKeyId={AccessKeyId}, SecretAccessKey=<redacted>, SessionToken={(SessionToken is null ? "none" : "<redacted>")})";
}

/// <summary>Supplies current credentials for each signature; implementations refresh them before they expire.</summary>
public interface IAwsCredentialsProvider
{
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}

/// <summary>Credentials fixed at construction (tests, tools that were handed keys).</summary>
public sealed class StaticCredentialsProvider(AwsCredentials credentials) : IAwsCredentialsProvider
{
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
