using ConfigRules.Aws;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;
using ConfigRules.Testing.Aws;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Rules.Tests.Lookups;

/// <summary>A loopback AWS account and a client context pointed at it, with retries that do not sleep.</summary>
internal sealed class LoopbackAws : IAsyncDisposable
{
    private LoopbackAws(LoopbackAwsServer server)
    {
        Server = server;
        var variables = server.EnvironmentVariables;
        var credentials = new AwsCredentials(variables["AWS_ACCESS_KEY_ID"], variables["AWS_SECRET_ACCESS_KEY"], variables.GetValueOrDefault("AWS_SESSION_TOKEN"));
        Context = AwsClientContext.FromEnvironment(
            new DictionaryEnvironmentVariables(variables),
            new StaticCredentialsProvider(credentials),
            retryOptions: new RetryOptions { MaxAttempts = 3, PerCallTimeout = TimeSpan.FromSeconds(5) },
            delays: new NoDelays());
    }

    public static LoopbackAws Start() => new(LoopbackAwsServer.Start());

    public LoopbackAwsServer Server { get; }
    public AwsClientContext Context { get; }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private sealed class NoDelays : IRetryDelayStrategy
    {
        public TimeSpan DelayBefore(int retry) => TimeSpan.Zero;
    }
}
