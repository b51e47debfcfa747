using ConfigRules.Aws;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;
using ConfigRules.Testing.Aws;

namespace ConfigRules.Aws.Tests.Clients;

/// <summary>A loopback AWS account and a client context pointed at it through the environment, with backoff recorded instead of slept.</summary>
public sealed class LoopbackClients : IAsyncDisposable
{
    private LoopbackClients(LoopbackAwsServer server, RecordingDelays delays, RetryOptions options)
    {
        Server = server;
        Delays = delays;
        var environment = new DictionaryEnvironmentVariables(server.EnvironmentVariables);
        var credentials = new AwsCredentials(
            server.EnvironmentVariables["AWS_ACCESS_KEY_ID"], server.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"],
            server.EnvironmentVariables.GetValueOrDefault("AWS_SESSION_TOKEN"));
        Context = AwsClientContext.FromEnvironment(environment, new StaticCredentialsProvider(credentials), retryOptions: options, delays: delays);
    }

    public static LoopbackClients Start(bool withSessionToken = true, RetryOptions? options = null) =>
        new(LoopbackAwsServer.Start(withSessionToken: withSessionToken), new RecordingDelays(),
            options ?? new RetryOptions { MaxAttempts = 4, PerCallTimeout = TimeSpan.FromSeconds(5) });

    public LoopbackAwsServer Server { get; }
    public RecordingDelays Delays { get; }
    public AwsClientContext Context { get; }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>Backoff that records the delays asked for and waits none of them.</summary>
public sealed class RecordingDelays : IRetryDelayStrategy
{
    private readonly List<int> _retries = [];

    public IReadOnlyList<int> Retries
    {
        get { lock (_retries) return [.. _retries]; }
    }

    public TimeSpan DelayBefore(int retry)
    {
        lock (_retries) _retries.Add(retry);
        return TimeSpan.Zero;
    }
}
