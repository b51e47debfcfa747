using ConfigRules.Aws;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Testing.Aws;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Reliability.Tests.FaultInjection;

/// <summary>
/// The rule pipeline over the signed Config client, in this process, served the way the runtime serves an
/// invocation: the work runs under a budget that ends a safety margin before the deadline (one second, at most
/// half the time), and any exception becomes an error report with the ConfigRulesException's type.
/// </summary>
public sealed class InProcessTarget : IInvocationTarget
{
    private readonly IConfigRule _rule;
    private readonly IConfigService _config;
    private readonly TimeProvider _time;

    /// <param name="time">The clock of the invocation's budget and of the pipeline; the AWS calls keep the real one.</param>
    public InProcessTarget(IConfigRule rule, LoopbackAwsServer server, SoakSettings settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(settings);
        _rule = rule;
        _time = time ?? TimeProvider.System;
        var variables = new Dictionary<string, string>(server.EnvironmentVariables, StringComparer.Ordinal);
        foreach (var (name, value) in settings.AwsEnvironment) variables[name] = value;
        var credentials = new AwsCredentials(LoopbackAwsServer.AccessKeyId, LoopbackAwsServer.SecretAccessKey,
            server.UsesSessionToken ? LoopbackAwsServer.SessionToken : null);
        Context = AwsClientContext.FromEnvironment(new DictionaryEnvironmentVariables(variables), new StaticCredentialsProvider(credentials));
        _config = ConfigServiceClient.Create(Context);
    }

    public AwsClientContext Context { get; }

    public async Task<DeliveryOutcome?> DeliverAsync(byte[] payload, TimeSpan timeout)
    {
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, timeout.Ticks / 2));
        using var budget = new CancellationTokenSource(timeout - margin, _time);
        try
        {
            var evt = ConfigRuleEventParser.Parse(payload);
            await new RuleInvocationPipeline(_rule, _config, RuleServices.Empty, _time).HandleAsync(evt, budget.Token).ConfigureAwait(false);
            return DeliveryOutcome.Response;
        }
        catch (ConfigRulesException ex)
        {
            return DeliveryOutcome.Error(ex.ErrorType, ex.Message);
        }
        catch (OperationCanceledException ex) when (budget.IsCancellationRequested)
        {
            return DeliveryOutcome.Error("InvocationDeadlineException", ex.Message);
        }
    }
}
