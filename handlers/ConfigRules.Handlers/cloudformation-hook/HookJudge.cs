using ConfigRules.CloudFormation;
using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>One rule's verdict on one template resource, after exemptions.</summary>
public sealed record HookFinding(HookRule Rule, ConfigurationItem Item, Verdict Verdict, ExemptionEntry? Exemption)
{
    public string RuleId => Rule.Definition.Id;
    public string LogicalId => Item.ResourceId;
    public int? Line => Item.Source?.Line;
}

/// <summary>
/// Judges template items with the selected rules exactly as <c>check-template</c> does: the framework's
/// <see cref="ItemEvaluator"/>, a field only deployment decides makes the rule NOT_APPLICABLE with a note
/// (<see cref="TemplateUnknowns"/>), then the governed exemptions with <see cref="ItemEvaluator.ApplyExemptions"/>.
/// </summary>
public sealed class HookJudge(HookRuleSet rules, TimeProvider time)
{
    /// <summary>
    /// The offline lookups the selected rules declare, answered by the related items (IAM roles, ...) among
    /// <paramref name="items"/>: what a template defines has no ARN before deployment.
    /// </summary>
    public RuleServices OfflineServices(IReadOnlyList<TemplateItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var (services, indexes) = RuleLookups.Offline(rules.Definitions, OfflineSource.Template);
        foreach (var index in indexes)
        {
            foreach (var item in items.Where(i => index.ResourceTypes.Contains(i.Item.ResourceType, StringComparer.Ordinal)))
                index.Add(item.Item);
        }
        return services;
    }

    public async Task<IReadOnlyList<HookFinding>> JudgeAsync(
        IReadOnlyList<TemplateItem> items, RuleServices services, ExemptionDocument exemptions, string? accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(exemptions);
        var now = time.GetUtcNow();
        var context = new RuleContext(now, services);
        var findings = new List<HookFinding>();
        foreach (var templateItem in items)
        {
            var item = templateItem.Item;
            foreach (var rule in rules.Rules.Where(r => r.Definition.CoversInTemplate(item.ResourceType)))
            {
                Evaluation evaluation;
                if (ItemEvaluator.Applicability(rule.Definition, item) is null &&
                    TemplateUnknowns.FirstFor(rule.Definition, templateItem.Unknowns) is { } note)
                    evaluation = ItemEvaluator.ToEvaluation(rule.Definition, item.ResourceType, item.ResourceId, Verdict.NotApplicable(note), now);
                else
                    evaluation = await ItemEvaluator.EvaluateAsync(rule.Rule, rule.Parameters, item, context, now, cancellationToken).ConfigureAwait(false);

                // The rule functions' and the CLI's own step: a rule the catalog marks not exemptible keeps its verdict.
                evaluation = ItemEvaluator.ApplyExemptions(rule.Definition, evaluation, accountId, exemptions, now);
                findings.Add(new HookFinding(rule, item, new Verdict(evaluation.ComplianceType, evaluation.Annotation), evaluation.AppliedExemption));
            }
        }
        return findings;
    }
}
