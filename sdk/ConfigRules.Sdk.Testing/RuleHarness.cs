using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Sdk.Testing;

/// <summary>
/// Runs one rule as its hosts do, without AWS: <see cref="EvaluateAsync"/> judges one item as the CLI does
/// (parameters, applicability, annotation limits); <see cref="InvokeAsync"/> takes the Lambda payload through the
/// event parser and the invocation pipeline against <see cref="Config"/>, an in-memory AWS Config account.
/// </summary>
public sealed class RuleHarness
{
    private readonly FixedTimeProvider _time;

    public RuleHarness(IConfigRule rule, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
        _time = new FixedTimeProvider(now ?? ConfigRuleEvents.DefaultNotificationTime);
    }

    public IConfigRule Rule { get; }

    /// <summary>The account the pipeline reads items from and posts evaluations to.</summary>
    public InMemoryConfigService Config { get; } = new();

    /// <summary>
    /// The lookups the rule declares, as tests provide them (<c>harness.Services.Add&lt;IRoleReader&gt;(fake)</c>, or a
    /// registry of their own at construction: <c>new RuleHarness(rule) { Services = fakes }</c>).
    /// </summary>
    public RuleServices Services { get; init; } = new();

    /// <summary>
    /// Registers the lookups the rule declares as the CLI answers them from recorded items, so a test sees what an
    /// offline run sees (no AWS call; a related resource outside the input is reported as such). Returns the harness.
    /// </summary>
    public RuleHarness WithOfflineLookups()
    {
        foreach (var lookup in Rule.Definition.Lookups.DistinctBy(lookup => lookup.Service))
        {
            lookup.AddOffline(Services, OfflineSource.RecordedItems);
        }
        return this;
    }

    /// <summary>The evaluation time rules see (runtime deprecation dates, say).</summary>
    public DateTimeOffset Now
    {
        get => _time.GetUtcNow();
        set => _time.Now = value;
    }

    /// <summary>Judges one item with the parameters given (the rule's defaults for the rest).</summary>
    public async Task<Evaluation> EvaluateAsync(
        ConfigurationItem item, IReadOnlyDictionary<string, string>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var parsed = Rule.ParseParameters(parameters ?? new Dictionary<string, string>());
        var context = new RuleContext(Now, Services);
        return await ItemEvaluator.EvaluateAsync(Rule, parsed, item, context, item.CaptureTime ?? Now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The rule's own verdict on one item, before the framework applies applicability and fits the annotation to
    /// Config's limit: to check that the rule itself writes annotations that need no cutting.
    /// </summary>
    public async Task<Verdict> JudgeAsync(
        ConfigurationItem item, IReadOnlyDictionary<string, string>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var parsed = Rule.ParseParameters(parameters ?? new Dictionary<string, string>());
        return await Rule.EvaluateAsync(item, parsed, new RuleContext(Now, Services), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Judges the item the builder describes, read in the given shape.</summary>
    public Task<Evaluation> EvaluateAsync(
        ConfigurationItemBuilder item, IReadOnlyDictionary<string, string>? parameters = null, ItemShape shape = ItemShape.InvokingEvent,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return EvaluateAsync(item.Build(shape), parameters, cancellationToken);
    }

    /// <summary>
    /// Handles one Lambda payload (see <see cref="ConfigRuleEvents"/>) as a rule function does, and returns what it
    /// posted. Bad events and bad parameters throw the same exceptions the function reports to Lambda.
    /// </summary>
    public async Task<InvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var evt = ConfigRuleEventParser.Parse(payload.Span);
        var postedBefore = Config.Posted.Count;
        var pipeline = new RuleInvocationPipeline(Rule, Config, Services, _time);
        var report = await pipeline.HandleAsync(evt, cancellationToken).ConfigureAwait(false);
        return new InvocationResult(report, [.. Config.Posted.Skip(postedBefore)]);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

/// <summary>What one invocation did: the report a rule function answers with, and the evaluations it posted.</summary>
public sealed record InvocationResult(InvocationReport Report, IReadOnlyList<Evaluation> Evaluations)
{
    /// <summary>The one evaluation of a change notification.</summary>
    public Evaluation Single => Evaluations.Count == 1
        ? Evaluations[0]
        : throw new InvalidOperationException($"The invocation posted {Evaluations.Count} evaluations, not one.");

    public Evaluation For(string resourceId) =>
        Evaluations.SingleOrDefault(evaluation => evaluation.ComplianceResourceId == resourceId)
        ?? throw new InvalidOperationException($"The invocation posted no evaluation of {resourceId}.");

    public IReadOnlyList<Evaluation> WithCompliance(ComplianceType compliance) =>
        [.. Evaluations.Where(evaluation => evaluation.ComplianceType == compliance)];
}
