using System.Text.Json;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Hosting.Metrics;
using ConfigRules.LambdaRuntime.Api;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.Hosting;

/// <summary>The AWS side a rule handler works with: Config itself, and the lookups some rules need.</summary>
public sealed record RuleDependencies(IConfigService Config, RuleServices Services)
{
    /// <summary>Set in central rule functions: events of other accounts use their member role (see <see cref="MemberAccountAccess"/>).</summary>
    public MemberAccountAccess? MemberAccounts { get; init; }

    /// <summary>The governance team's exemptions (CONFIGRULES_EXEMPTIONS_URI), read with the function's own credentials; null: none.</summary>
    public IExemptionSource? Exemptions { get; init; }
}

/// <summary>
/// Serves one Config rule: parses the custom-rule event, runs the pipeline (parameters, scope, evaluation,
/// PutEvaluations) and answers with the invocation report as JSON. Bad events and bad parameters throw
/// ConfigRulesExceptions, which the runtime reports with their errorType.
/// </summary>
public sealed class RuleHandler(IConfigRule rule, RuleDependencies dependencies, TimeProvider time) : IInvocationHandler
{
    public async Task<ReadOnlyMemory<byte>> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Every invocation writes its metric line: the accepted evaluations, or Errors when it fails.
        var metrics = MetricLines.For(context.Logger, time);
        var started = time.GetTimestamp();
        InvocationReport report;
        try
        {
            report = await EvaluateAsync(payload, context, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            metrics.RuleFailed(rule.Definition.Id, time.GetElapsedTime(started));
            throw;
        }
        metrics.RuleEvaluated(report, time.GetElapsedTime(started));
        return JsonSerializer.SerializeToUtf8Bytes(report, HostingJsonContext.Default.InvocationReport);
    }

    private async Task<InvocationReport> EvaluateAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken)
    {
        var evt = ConfigRuleEventParser.Parse(payload.Span);
        var announced = evt.ConfigurationItem ?? evt.ConfigurationItemSummary;
        // Identify the event, never log it whole: items can hold environment variables and tags.
        context.Logger.Info("Config rule event",
            LogField.Of("messageType", evt.MessageType),
            LogField.Of("configRuleName", evt.ConfigRuleName),
            LogField.Of("resourceType", announced?.ResourceType),
            LogField.Of("resourceId", announced?.ResourceId),
            LogField.Of("eventLeftScope", evt.EventLeftScope),
            LogField.Of("ruleParameterNames", string.Join(",", evt.RuleParameters.Keys)));

        var target = dependencies;
        if (dependencies.MemberAccounts is { } members
            && await members.ForEventAsync(evt, context.InvokedFunctionArn, cancellationToken).ConfigureAwait(false) is { } member)
        {
            context.Logger.Info("Reporting into a member account", LogField.Of("accountId", member.AccountId), LogField.Of("roleArn", member.RoleArn));
            target = member.Dependencies;
        }

        var pipeline = new RuleInvocationPipeline(rule, target.Config, target.Services, time, new PipelineOptions { Exemptions = dependencies.Exemptions });
        var report = await pipeline.HandleAsync(evt, cancellationToken).ConfigureAwait(false);

        context.Logger.Info("Evaluations posted",
            LogField.Of("evaluations", report.Evaluations),
            LogField.Of("compliant", report.Compliant),
            LogField.Of("nonCompliant", report.NonCompliant),
            LogField.Of("notApplicable", report.NotApplicable),
            LogField.Of("staleCleared", report.StaleCleared),
            LogField.Of("putEvaluationsCalls", report.PutEvaluationsCalls));
        return report;
    }

    /// <summary>The factory the handler table keeps for <paramref name="rule"/>.</summary>
    public static HandlerFactory For(IConfigRule rule, Func<IConfigRule, HandlerInitContext, RuleDependencies> dependencies) =>
        context => new RuleHandler(rule, dependencies(rule, context), context.Time);
}
