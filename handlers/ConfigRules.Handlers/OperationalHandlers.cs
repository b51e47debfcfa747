using ConfigRules.Aws;
using ConfigRules.Aws.ApiGateway;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Hosting;
using ConfigRules.Aws.Sns;
using ConfigRules.Handlers.Aws;
using ConfigRules.Handlers.CloudFormationHook;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Handlers.EndpointRemediation;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;
using ConfigRules.Rules;

namespace ConfigRules.Handlers;

/// <summary>
/// The handlers that are not rules: compliance-notifier, api-gateway-endpoint-remediation and cloudformation-hook,
/// each over the shared AWS clients, built once at init (only for the selected handler).
/// </summary>
public static class OperationalHandlers
{
    public static void Register(HandlerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Add(ComplianceNotifierHandler.HandlerName, init =>
        {
            var aws = Aws(init);
            var notifier = ComplianceNotifierHandler.FromEnvironment(init.Environment.GetVariable, new SnsNoticePublisher(SnsClient.Create(aws)));
            init.Logger.Info("Notifier ready", LogField.Of("region", aws.Region), LogField.Of("snsEndpoint", aws.EndpointFor(AwsService.Sns).BaseUri.ToString()));
            return InvocationHandler.From(async (payload, _, ct) => await notifier.HandleJsonAsync(payload, ct).ConfigureAwait(false));
        });

        table.Add(EndpointRemediationHandler.HandlerName, init =>
        {
            var aws = Aws(init);
            var remediation = EndpointRemediationHandler.FromEnvironment(init.Environment.GetVariable,
                new ApiGatewayRestApis(ApiGatewayClient.Create(aws)),
                new ConfigServiceRules(ConfigServiceClient.Create(aws)));
            init.Logger.Info("Remediation ready", LogField.Of("region", aws.Region), LogField.Of("apiGatewayEndpoint", aws.EndpointFor(AwsService.ApiGateway).BaseUri.ToString()));
            return InvocationHandler.From(async (payload, _, ct) => await remediation.HandleJsonAsync(payload, ct).ConfigureAwait(false));
        });

        table.Add(CloudFormationHookHandler.HandlerName, init =>
        {
            var hook = CloudFormationHookComposition.Create(init, RuleCatalog.All);
            return InvocationHandler.From(async (payload, _, ct) => await hook.HandleJsonAsync(payload, ct).ConfigureAwait(false));
        });
    }

    private static AwsClientContext Aws(HandlerInitContext init) =>
        AwsClientContext.FromEnvironment(new RuntimeEnvironmentVariables(init.Environment), timeProvider: init.Time);
}
