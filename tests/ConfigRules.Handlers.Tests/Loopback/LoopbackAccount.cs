using ConfigRules.Aws;
using ConfigRules.Aws.ApiGateway;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Sns;
using ConfigRules.Aws.Transport;
using ConfigRules.Handlers.Aws;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Handlers.EndpointRemediation;
using ConfigRules.Testing.Aws;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Handlers.Tests.Loopback;

/// <summary>
/// The handlers in process, over the shared AWS clients, against the loopback AWS account (which verifies every
/// request's SigV4 signature). Backoff is not slept.
/// </summary>
public sealed class LoopbackAccount : IAsyncDisposable
{
    private LoopbackAccount(LoopbackAwsServer server)
    {
        Server = server;
        var variables = server.EnvironmentVariables;
        var credentials = new AwsCredentials(variables["AWS_ACCESS_KEY_ID"], variables["AWS_SECRET_ACCESS_KEY"], variables.GetValueOrDefault("AWS_SESSION_TOKEN"));
        Context = AwsClientContext.FromEnvironment(new DictionaryEnvironmentVariables(variables), new StaticCredentialsProvider(credentials),
            retryOptions: new RetryOptions { MaxAttempts = 4, PerCallTimeout = TimeSpan.FromSeconds(5) }, delays: new NoDelays());
        Topic = server.Sns.AddTopic();
    }

    public static LoopbackAccount Start() => new(LoopbackAwsServer.Start());

    public LoopbackAwsServer Server { get; }
    public AwsClientContext Context { get; }
    public string Topic { get; }

    public ComplianceNotifierHandler Notifier() =>
        new(new SnsNoticePublisher(SnsClient.Create(Context)), Topic, CatalogRuleMatcher.Default);

    public EndpointRemediationHandler Remediation(string endpointRuleId = "api-gateway-endpoint-type-check") =>
        new(new ApiGatewayRestApis(ApiGatewayClient.Create(Context)),
            EndpointRuleFastPath.Create(endpointRuleId, new ConfigServiceRules(ConfigServiceClient.Create(Context)), CatalogRuleMatcher.Default));

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private sealed class NoDelays : IRetryDelayStrategy
    {
        public TimeSpan DelayBefore(int retry) => TimeSpan.Zero;
    }
}
