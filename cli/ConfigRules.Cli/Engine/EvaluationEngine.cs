using ConfigRules.Cli.Selection;
using ConfigRules.CloudFormation;
using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// Runs the selected rules on one item at a time with the framework's <see cref="ItemEvaluator"/> (the same step
/// Lambda runs), applies the exemptions document with the rule functions' own step (<see cref="ItemEvaluator.ApplyExemptions"/>), and
/// hands each finding to a sink. No I/O: inputs and reporters live outside.
/// Rules see only items of their resource types, as in Config; deleted items of those types are NOT_APPLICABLE.
/// </summary>
/// <remarks>
/// Safe to call from several threads at once through <see cref="EvaluateAsync(ConfigurationItem, IFindingSink, FindingSummary, RuleSet, RuleSet, CancellationToken)"/>,
/// each caller counting into a summary of its own (merged with <see cref="FindingSummary.Add"/>), as the parallel
/// evaluation of a stream does.
/// </remarks>
public sealed class EvaluationEngine(IReadOnlyList<SelectedRule> rules, RuleContext context, ExemptionDocument? exemptions = null)
{
    private readonly ExemptionDocument _exemptions = exemptions ?? ExemptionDocument.None;
    private readonly List<string> _ruleFailures = [];

    public IReadOnlyList<SelectedRule> Rules => rules;

    public FindingSummary Summary { get; } = new();

    /// <summary>Failures of a rule on an item (a rule bug, not an input problem), reported by the caller.</summary>
    public IReadOnlyList<string> RuleFailures => _ruleFailures;

    /// <summary>The accounts (and the regions of each) the input's items belong to: the accounts rules of AWS::::Account judge.</summary>
    private readonly SortedDictionary<string, SortedSet<string>> _accounts = new(StringComparer.Ordinal);

    /// <summary>
    /// From now on, rules read their lookups from <paramref name="services"/> in a fresh run (a new memo): each template
    /// is judged with its own related resources, never with another template's.
    /// </summary>
    public void StartRun(RuleServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        context = new RuleContext(context.Now, services);
    }

    /// <summary>Every selected rule that covers the item judges it now; findings are counted in <see cref="Summary"/>.</summary>
    public async ValueTask EvaluateAsync(ConfigurationItem item, IReadOnlyDictionary<string, string>? unknowns, IFindingSink sink, CancellationToken cancellationToken)
    {
        NoteAccount(item);
        await JudgeAsync(item, unknowns, sink, Summary, RuleSet.All(rules.Count), RuleSet.None, context, _ruleFailures, cancellationToken);
    }

    /// <summary>
    /// The rules of <paramref name="now"/> that cover the item judge it, except those of <paramref name="deferrable"/>:
    /// those are returned, to be judged later with <see cref="JudgeAsync(ConfigurationItem, IFindingSink, FindingSummary, RuleSet, CancellationToken)"/>
    /// once everything they look up has been read. Each rule's findings stay in input order either way.
    /// </summary>
    public async ValueTask<RuleSet> EvaluateAsync(ConfigurationItem item, IFindingSink sink, FindingSummary summary, RuleSet now, RuleSet deferrable, CancellationToken cancellationToken)
    {
        NoteAccount(item);
        return await JudgeAsync(item, null, sink, summary, now, deferrable, context, _ruleFailures, cancellationToken);
    }

    /// <summary>The rules of <paramref name="now"/> that cover the item judge it (the item's account was noted when it was first read).</summary>
    public ValueTask<RuleSet> JudgeAsync(ConfigurationItem item, IFindingSink sink, FindingSummary summary, RuleSet now, CancellationToken cancellationToken) =>
        JudgeAsync(item, null, sink, summary, now, RuleSet.None, context, _ruleFailures, cancellationToken);

    /// <summary>
    /// The rules of <paramref name="now"/> judge the item before every related item is read, in a context of the
    /// caller's (<see cref="ContextAhead"/>: what its memo holds may change before the end). The verdicts may be
    /// thrown away, so a rule's failure is not reported but kept in the caller's <paramref name="failures"/> (emptied
    /// first, reused item after item): false says the item must be judged again at the end.
    /// </summary>
    public async ValueTask<bool> JudgeAheadAsync(ConfigurationItem item, IFindingSink sink, FindingSummary summary, RuleSet now, RuleContext ahead,
        List<string> failures, CancellationToken cancellationToken)
    {
        failures.Clear();
        await JudgeAsync(item, null, sink, summary, now, RuleSet.None, ahead, failures, cancellationToken);
        return failures.Count == 0;
    }

    /// <summary>A context apart from the run's, with a memo of its own, for <see cref="JudgeAheadAsync"/>.</summary>
    public RuleContext ContextAhead() => new(context.Now, context.Services);

    private async ValueTask<RuleSet> JudgeAsync(ConfigurationItem item, IReadOnlyDictionary<string, string>? unknowns, IFindingSink sink, FindingSummary summary,
        RuleSet now, RuleSet deferrable, RuleContext judging, List<string> failures, CancellationToken cancellationToken)
    {
        var deferred = RuleSet.None;
        for (var index = 0; index < rules.Count; index++)
        {
            var rule = rules[index];
            // A template item (it comes with its unknowns) is judged by the rules that cover its type in templates.
            var covers = unknowns is null ? rule.Definition.Covers(item.ResourceType) : rule.Definition.CoversInTemplate(item.ResourceType);
            if (!now.Contains(index) || !covers) continue;
            if (deferrable.Contains(index))
            {
                deferred = deferred.With(index);
                continue;
            }
            var orderingTimestamp = item.CaptureTime ?? judging.Now;
            Evaluation evaluation;
            if (ItemEvaluator.Applicability(rule.Definition, item) is null &&
                unknowns is not null && TemplateUnknowns.FirstFor(rule.Definition, unknowns) is { } note)
            {
                evaluation = ItemEvaluator.ToEvaluation(rule.Definition, item.ResourceType, item.ResourceId, Verdict.NotApplicable(note), orderingTimestamp);
            }
            else
            {
                try
                {
                    evaluation = await ItemEvaluator.EvaluateAsync(rule.Rule, rule.Parameters, item, judging, orderingTimestamp, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    lock (failures) failures.Add($"{Where(item)}: {rule.Id} failed on {item.ResourceType} {item.ResourceId}: {ex.GetType().Name}: {ex.Message}");
                    continue;
                }
            }
            var exempted = ApplyExemptions(rule, item, ref evaluation);
            summary.Count(evaluation.ComplianceType, exempted is not null);
            sink.Add(new Finding(rule, evaluation, item.Source, exempted));
        }
        return deferred;
    }

    /// <summary>
    /// After the input: rules of <c>AWS::::Account</c> (CloudTrail's) judge each account the input's items belong to,
    /// once, with the account id as resource id, as the rule function does on its schedule. Their lookups answer
    /// from the related items of the same input (the account's trails).
    /// </summary>
    public async ValueTask EvaluateAccountsAsync(IFindingSink sink, CancellationToken cancellationToken)
    {
        if (!rules.Any(rule => rule.Definition.Covers(AccountItem.ResourceType))) return;
        foreach (var (account, regions) in _accounts)
        {
            var region = regions.Count == 1 ? regions.Min : null;
            await EvaluateAsync(AccountItem.For(account, region, context.Now), null, sink, cancellationToken);
        }
    }

    private void NoteAccount(ConfigurationItem item)
    {
        if (string.IsNullOrEmpty(item.AwsAccountId) || AccountItem.IsAccountType(item.ResourceType)) return;
        // Items come in runs of one account and region: the last pair noted spares the lock (one reference, read atomically).
        if (_lastNoted is { } last && last.Account == item.AwsAccountId && last.Region == item.AwsRegion) return;
        lock (_accounts)
        {
            if (!_accounts.TryGetValue(item.AwsAccountId, out var regions)) _accounts[item.AwsAccountId] = regions = new SortedSet<string>(StringComparer.Ordinal);
            // IAM's items say "global": that names no region the account's trails could record.
            if (!string.IsNullOrEmpty(item.AwsRegion) && item.AwsRegion != "global") regions.Add(item.AwsRegion);
        }
        _lastNoted = new AccountRegion(item.AwsAccountId, item.AwsRegion);
    }

    private sealed record AccountRegion(string Account, string? Region);

    private AccountRegion? _lastNoted;

    /// <summary>
    /// An entry in force turns the rule's verdict NOT_APPLICABLE with the exemption's annotation; an expired one
    /// leaves it, a NON_COMPLIANT one saying so. Templates have no account: account-scoped entries do not match them.
    /// </summary>
    private ExemptedFinding? ApplyExemptions(SelectedRule rule, ConfigurationItem item, ref Evaluation evaluation)
    {
        var ruled = evaluation;
        evaluation = ItemEvaluator.ApplyExemptions(rule.Definition, evaluation, item.AwsAccountId, _exemptions, context.Now);
        return evaluation.AppliedExemption is { } entry ? new ExemptedFinding(entry, ruled.ComplianceType, ruled.Annotation) : null;
    }

    private static string Where(ConfigurationItem item) =>
        item.Source is { } source ? source.Line is { } line ? $"{source.File}:{line}" : source.File : "input";
}
