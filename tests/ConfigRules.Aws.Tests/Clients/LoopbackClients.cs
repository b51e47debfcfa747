using ConfigRules.Aws;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;
using ConfigRules.Testing.Aws;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Aws.Tests.Clients;

/// <summary>A loopback AWS account and a client context pointed at it through the environment, with backoff recorded instead of slept.</summary>
public sealed class LoopbackClients : IAsyncDisposable
{
    private LoopbackClients(LoopbackAwsServer server, RecordingDelays delays, RetryOptions options, TimeProvider? time)
    {
        Server = server;
        Delays = delays;
        var environment = new DictionaryEnvironmentVariables(server.EnvironmentVariables);
        var credentials = new AwsCredentials(
            server.EnvironmentVariables["AWS_ACCESS_KEY_ID"], server.EnvironmentVariables["AWS_SECRET_ACCESS_KEY"],
            server.EnvironmentVariables.GetValueOrDefault("AWS_SESSION_TOKEN"));
        Context = AwsClientContext.FromEnvironment(environment, new StaticCredentialsProvider(credentials), timeProvider: time, retryOptions: options, delays: delays);
    }

    /// <param name="time">The clock of both the server and the clients (signatures, per-call timeouts): a fake one lets a test move it.</param>
    public static LoopbackClients Start(bool withSessionToken = true, RetryOptions? options = null, TimeProvider? time = null) =>
        new(LoopbackAwsServer.Start(withSessionToken: withSessionToken, time: time), new RecordingDelays(),
            options ?? new RetryOptions { MaxAttempts = 4, PerCallTimeout = TimeSpan.FromSeconds(5) }, time);

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
