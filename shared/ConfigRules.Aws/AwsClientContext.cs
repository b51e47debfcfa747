using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Aws;

/// <summary>
/// What every client shares: the region, endpoint resolution and one transport (credentials, pooled HTTP,
/// retries). Build it once per process with <see cref="FromEnvironment"/> and create clients from it.
/// </summary>
public sealed class AwsClientContext
{
    public AwsClientContext(string region, AwsEndpointResolver endpoints, AwsTransport transport)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        Region = region;
        Endpoints = endpoints ?? throw new ArgumentNullException(nameof(endpoints));
        Transport = transport ?? throw new ArgumentNullException(nameof(transport));
    }

    public string Region { get; }
    public AwsEndpointResolver Endpoints { get; }
    public AwsTransport Transport { get; }

    public AwsEndpoint EndpointFor(AwsService service) => Endpoints.Resolve(service, Region);

    /// <summary>
    /// The same region, endpoints, HTTP client and retries, with calls signed by <paramref name="credentials"/>: the
    /// clients of a member account, whose role was assumed with STS.
    /// </summary>
    public AwsClientContext WithCredentials(IAwsCredentialsProvider credentials) =>
        new(Region, Endpoints, Transport.WithCredentials(credentials));

    /// <summary>
    /// Region from AWS_REGION / AWS_DEFAULT_REGION, endpoints from AWS_ENDPOINT_URL[_SERVICE], credentials from
    /// the standard chain (resolved once per process) unless given, retry settings from
    /// <see cref="RetrySettingsFromEnvironment"/> (production defaults where unset) unless given.
    /// </summary>
    public static AwsClientContext FromEnvironment(
        IEnvironmentVariables? environment = null,
        IAwsCredentialsProvider? credentials = null,
        HttpClient? httpClient = null,
        TimeProvider? timeProvider = null,
        RetryOptions? retryOptions = null,
        IRetryDelayStrategy? delays = null)
    {
        environment ??= ProcessEnvironmentVariables.Instance;
        var region = AwsRegionResolver.Resolve(environment);
        var transport = new AwsTransport(credentials ?? DefaultChainCredentialsProvider.Shared, httpClient, timeProvider, retryOptions ?? RetrySettingsFromEnvironment.Read(environment), delays);
        return new AwsClientContext(region, new AwsEndpointResolver(environment), transport);
    }
}
