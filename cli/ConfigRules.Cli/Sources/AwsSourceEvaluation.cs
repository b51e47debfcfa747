using ConfigRules.Aws.Config;
using ConfigRules.Aws.Sts;
using ConfigRules.Aws.Transport;
using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Commands;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Input;
using ConfigRules.Cli.Reporting;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Hosting;

namespace ConfigRules.Cli.Sources;

/// <summary>
/// <c>evaluate --live</c> and <c>evaluate --aggregator NAME</c>: the items come from AWS Config instead of files.
/// </summary>
/// <remarks>
/// --live judges this account as its rule functions would: the rules' lookups are the live ones the Lambda host
/// builds (<see cref="RuleComposition.LiveLookups"/>), calling IAM, Lambda, WAFv2, CloudWatch and CloudTrail with the
/// caller's credentials, and account rules judge the caller's account (STS GetCallerIdentity). An aggregator spans accounts those credentials cannot read, so there the lookups answer
/// from the aggregator's own recorded items of the related types (roles, web ACLs, alarms, trails), read first and
/// kept as a file run keeps them; as offline, a function without supplementaryConfiguration.Concurrency has none.
/// Every call only reads.
/// </remarks>
internal static class AwsSourceEvaluation
{
    private static readonly string[] LiveActions = ["config:ListDiscoveredResources", "config:BatchGetResourceConfig"];
    private static readonly string[] AggregatorActions = ["config:ListAggregateDiscoveredResources", "config:BatchGetAggregateResourceConfig"];

    public static bool Requested(CliOptions options) => options.Live || options.Aggregator is not null;

    public static async Task<int> RunAsync(CliOptions options, CliConsole console, IReadOnlyList<SelectedRule> rules, ExemptionDocument? exemptions,
        CancellationToken cancellationToken)
    {
        var aws = new CliAws(options.Region);
        var definitions = rules.Select(rule => rule.Definition).ToList();
        var ruleTypes = definitions.SelectMany(d => d.ResourceTypes).Where(t => !AccountItem.IsAccountType(t)).Distinct(StringComparer.Ordinal).ToList();
        var problems = new List<InputProblem>();
        IConfigItemSource source;
        RuleServices services;
        RelatedItems? related = null;
        try
        {
            var config = ConfigServiceClient.Create(aws.Context);
            if (options.Aggregator is { } aggregator)
            {
                source = new AggregatedConfigItems(config, aggregator);
                related = new RelatedItems(rules, OfflineSource.RecordedItems);
                services = related.Services;
            }
            else
            {
                source = new LiveConfigItems(config, aws.Context.Region);
                services = RuleComposition.LiveLookups(definitions, aws.Context, console.Clock);
            }
        }
        catch (ConfigRulesException ex)
        {
            console.StandardError.WriteLine($"configrules: {(options.Live ? "--live" : "--aggregator")}: {ex.Message}");
            return ExitCodes.Error;
        }

        var engine = new EvaluationEngine(rules, new RuleContext(CommandSupport.Now(options, console), services), exemptions);
        using var reporter = Reporters.For(options.Format, console);
        var progress = new ProgressLine(console.StandardError, console.ErrorIsTerminal, console.Clock);
        long items = 0;
        reporter.Begin(rules);
        try
        {
            if (related is { Any: true })
            {
                await foreach (var item in source.ReadAsync(related.ResourceTypes.Order(StringComparer.Ordinal), cancellationToken))
                {
                    related.Add(item);
                    // Noted for account rules; judged in the second read when a rule covers the type.
                    if (!ruleTypes.Contains(item.ResourceType)) await engine.EvaluateAsync(item, null, reporter, cancellationToken);
                    progress.ReportText($"configrules: {source.Name}: {++items} items read ({item.ResourceType})");
                }
            }
            await foreach (var item in source.ReadAsync(ruleTypes, cancellationToken))
            {
                await engine.EvaluateAsync(item, null, reporter, cancellationToken);
                progress.ReportText($"configrules: {source.Name}: {++items} items read and evaluated ({item.ResourceType})");
            }
            if (options.Live) await EvaluateCallerAccountAsync(engine, reporter, aws, definitions, options, console, cancellationToken);
            else await engine.EvaluateAccountsAsync(reporter, cancellationToken);
        }
        catch (ConfigRulesException ex)
        {
            problems.Add(new InputProblem(source.Name, null, Explain(ex, options, definitions)));
        }
        progress.Clear();
        reporter.Complete(engine.Summary);
        return CommandSupport.Finish(console, problems, engine);
    }

    /// <summary>
    /// --live: account rules (CloudTrail's) judge the caller's account in the region once, as the rule function does on
    /// its schedule, whether or not any recorded resource names the account. STS GetCallerIdentity says which it is.
    /// </summary>
    private static async Task EvaluateCallerAccountAsync(EvaluationEngine engine, IReporter reporter, CliAws aws, IEnumerable<RuleDefinition> definitions,
        CliOptions options, CliConsole console, CancellationToken cancellationToken)
    {
        if (!definitions.Any(d => d.ResourceTypes.Any(AccountItem.IsAccountType))) return;
        var account = await StsClient.Create(aws.Context).GetCallerIdentityAccountAsync(cancellationToken);
        var now = CommandSupport.Now(options, console);
        await engine.EvaluateAsync(AccountItem.For(account, aws.Context.Region, now), null, reporter, cancellationToken);
    }

    /// <summary>A refusal says which read-only permissions the run needs; other failures speak for themselves.</summary>
    private static string Explain(ConfigRulesException ex, CliOptions options, IEnumerable<RuleDefinition> definitions)
    {
        if (ex is not AwsServiceException { ErrorCode: "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" })
            return $"reading stopped: {ex.Message}";
        var actions = options.Live
            ? LiveActions.Concat(definitions.SelectMany(d => d.Lookups).SelectMany(lookup => lookup.IamActions))
            : AggregatorActions;
        return $"access denied: {ex.Message} The caller needs these read-only actions: {string.Join(", ", actions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}.";
    }
}
