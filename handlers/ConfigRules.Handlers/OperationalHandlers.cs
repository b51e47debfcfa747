using ConfigRules.Aws;
using ConfigRules.Aws.ApiGateway;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Endpoints;
using System.Text.Json;
using ConfigRules.Hosting;
using ConfigRules.Hosting.Metrics;
using ConfigRules.Handlers.Json;
using ConfigRules.LambdaRuntime.Api;
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
            var notifier = ComplianceNotifierHandler.FromEnvironment(init.Variables(), new SnsNoticePublisher(SnsClient.Create(aws)));
            init.Logger.Info("Notifier ready", LogField.Of("region", aws.Region), LogField.Of("snsEndpoint", aws.EndpointFor(AwsService.Sns).BaseUri.ToString()));
            return InvocationHandler.From((payload, context, ct) => Measured(context, init.Time, ComplianceNotifierHandler.HandlerName,
                () => notifier.HandleAsync(payload, ct),
                result => JsonSerializer.SerializeToUtf8Bytes(result, HandlersJsonContext.Default.NotifierResult),
                (metrics, result, duration) => metrics.NoticeHandled(ComplianceNotifierHandler.HandlerName, result.Published, duration)));
        });

        table.Add(EndpointRemediationHandler.HandlerName, init =>
        {
            var aws = Aws(init);
            var remediation = EndpointRemediationHandler.FromEnvironment(init.Variables(),
                new ApiGatewayRestApis(ApiGatewayClient.Create(aws)),
                new ConfigServiceRules(ConfigServiceClient.Create(aws)));
            init.Logger.Info("Remediation ready", LogField.Of("region", aws.Region), LogField.Of("apiGatewayEndpoint", aws.EndpointFor(AwsService.ApiGateway).BaseUri.ToString()));
            return InvocationHandler.From((payload, context, ct) => Measured(context, init.Time, EndpointRemediationHandler.HandlerName,
                () => remediation.HandleAsync(payload, ct),
                done => done.Body,
                (metrics, done, duration) => metrics.RemediationHandled(EndpointRemediationHandler.HandlerName, done.Remediated, done.ReEvaluationStarted, duration)));
        });

        table.Add(CloudFormationHookHandler.HandlerName, init =>
        {
            var hook = CloudFormationHookComposition.Create(init, RuleCatalog.All);
            return InvocationHandler.From(async (payload, context, ct) =>
                await hook.HandleJsonAsync(payload, MetricLines.For(context.Logger, init.Time), ct, context.InvokedFunctionArn).ConfigureAwait(false));
        });
    }

    /// <summary>Runs one invocation and writes its metric line: what it did, or Errors when it fails.</summary>
    private static async Task<ReadOnlyMemory<byte>> Measured<TResult>(InvocationContext context, TimeProvider time, string handler,
        Func<Task<TResult>> handle, Func<TResult, byte[]> body, Action<MetricLines, TResult, TimeSpan> record)
    {
        var metrics = MetricLines.For(context.Logger, time);
        var started = time.GetTimestamp();
        TResult result;
        try
        {
            result = await handle().ConfigureAwait(false);
        }
        catch
        {
            metrics.HandlerFailed(handler, time.GetElapsedTime(started));
            throw;
        }
        record(metrics, result, time.GetElapsedTime(started));
        return body(result);
    }

    private static AwsClientContext Aws(HandlerInitContext init) =>
        AwsClientContext.FromEnvironment(init.Variables(), timeProvider: init.Time);
}
