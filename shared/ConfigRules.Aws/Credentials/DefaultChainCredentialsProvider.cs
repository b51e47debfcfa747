using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ConfigRules.Aws.Credentials;

/// <summary>
/// The standard AWS credential chain (environment variables, profile, web identity, container and instance
/// metadata) through AWSSDK.Core's <see cref="DefaultAWSCredentialsIdentityResolver"/>. The chain is walked
/// once per process; each signature then asks the resolved source for its current credentials, which
/// refreshing sources renew before they expire.
/// </summary>
public sealed class DefaultChainCredentialsProvider : IAwsCredentialsProvider, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DefaultAWSCredentialsIdentityResolver _resolver = new();
    private AWSCredentials? _source;

    /// <summary>The process-wide instance: the chain is resolved once however many clients use it.</summary>
    public static DefaultChainCredentialsProvider Shared { get; } = new();

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var source = _source ?? await ResolveSourceAsync(cancellationToken).ConfigureAwait(false);
        ImmutableCredentials current;
        try
        {
            current = await source.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw new AwsCredentialsException($"The resolved credential source ({source.GetType().Name}) gave no credentials: {ex.Message}", ex);
        }
        if (current is null || string.IsNullOrEmpty(current.AccessKey) || string.IsNullOrEmpty(current.SecretKey))
            throw new AwsCredentialsException($"The resolved credential source ({source.GetType().Name}) returned empty credentials.");
        return new AwsCredentials(current.AccessKey, current.SecretKey, current.UseToken ? current.Token : null);
    }

    private async ValueTask<AWSCredentials> ResolveSourceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_source is not null) return _source;
            try
            {
                _source = await _resolver.ResolveIdentityAsync(null!, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonClientException ex)
            {
                throw new AwsCredentialsException(
                    "No AWS credentials found in the standard chain: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY " +
                    "(and AWS_SESSION_TOKEN for temporary credentials), a profile, or run where a role is available. " + ex.Message, ex);
            }
            return _source;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _resolver.Dispose();
    }
}

/// <summary>Credentials could not be found or read; the message says where the chain looked.</summary>
public sealed class AwsCredentialsException(string message, Exception? inner = null)
    : ConfigRules.Framework.Events.ConfigRulesException("AwsCredentialsException", message, inner);
