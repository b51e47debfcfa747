using System.Collections.Concurrent;
using System.Threading.Channels;
using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Framework.Pipeline;

/// <summary>
/// Everything between a Config event and PutEvaluations that is not the rule's judgement: parameters first
/// (so nothing is posted with bad ones), message types, scope, oversized items, periodic enumeration with
/// stale clean-up, ordering timestamps and batches of 100.
/// </summary>
public sealed class RuleInvocationPipeline(IConfigRule rule, IConfigService config, RuleServices services, TimeProvider time, PipelineOptions? options = null)
{
    /// <summary>PutEvaluations and BatchGetResourceConfig both take at most 100 entries a call.</summary>
    public const int BatchSize = 100;

    /// <summary>The longest ConfigRuleName GetComplianceDetailsByConfigRule accepts (StringWithCharLimit64 in the service model).</summary>
    public const int MaxComplianceQueryRuleNameLength = 64;

    private readonly PipelineOptions _options = options ?? PipelineOptions.Default;

    public async Task<InvocationReport> HandleAsync(ConfigRuleEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.Kind == MessageKind.Ignored) return Report(evt, [], 0, 0);

        var parameters = rule.ParseParameters(evt.RuleParameters);
        // Before any evaluation: an unreadable or invalid document fails the invocation with nothing posted.
        var exemptions = await ExemptionsAsync(cancellationToken).ConfigureAwait(false);
        var context = new RuleContext(time.GetUtcNow(), services);

        return evt.Kind == MessageKind.Scheduled
            ? await HandleScheduledAsync(evt, parameters, context, exemptions, cancellationToken).ConfigureAwait(false)
            : await HandleChangeAsync(evt, parameters, context, exemptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The exemptions document for this invocation. A rule the catalog marks not exemptible never reads it: no
    /// document can change its verdicts, so a broken document must not stop it from reporting either.
    /// </summary>
    /// <exception cref="InvalidExemptionsException">The document cannot be read or is not valid.</exception>
    private async Task<ExemptionDocument> ExemptionsAsync(CancellationToken cancellationToken) =>
        rule.Definition.Exemptible && _options.Exemptions is { } source
            ? await source.GetAsync(cancellationToken).ConfigureAwait(false)
            : ExemptionDocument.None;

    private async Task<InvocationReport> HandleChangeAsync(ConfigRuleEvent evt, object parameters, RuleContext context, ExemptionDocument exemptions,
        CancellationToken cancellationToken)
    {
        var announced = evt.ConfigurationItem ?? evt.ConfigurationItemSummary
            ?? throw new InvalidEventException($"A {evt.MessageType} carries a configuration item.");
        var ordering = announced.CaptureTime ?? evt.NotificationCreationTime ?? context.Now;

        Evaluation.Evaluation evaluation;
        if (evt.EventLeftScope)
        {
            evaluation = ItemEvaluator.ToEvaluation(rule.Definition, announced.ResourceType, announced.ResourceId,
                Verdict.NotApplicable("The resource is no longer in the rule's scope."), ordering);
        }
        else
        {
            var item = announced;
            if (evt.Kind == MessageKind.OversizedConfigurationItemChange && !announced.IsDeletedOrNotRecorded &&
                rule.Definition.Covers(announced.ResourceType))
            {
                item = await config.GetLatestConfigurationItemAsync(announced.ResourceType, announced.ResourceId, cancellationToken).ConfigureAwait(false)
                       ?? throw new ConfigurationItemUnavailableException(
                           $"Config has no configuration history for {announced.ResourceType} {announced.ResourceId} yet; the invocation fails so that Lambda retries it.");
            }
            evaluation = await ItemEvaluator.EvaluateAsync(rule, parameters, item, context, item.CaptureTime ?? ordering, exemptions, cancellationToken).ConfigureAwait(false);
        }

        await config.PutEvaluationsAsync([evaluation], evt.ResultToken, cancellationToken).ConfigureAwait(false);
        return Report(evt, [evaluation], 0, 1);
    }

    private async Task<InvocationReport> HandleScheduledAsync(ConfigRuleEvent evt, object parameters, RuleContext context, ExemptionDocument exemptions,
        CancellationToken cancellationToken)
    {
        var ordering = evt.NotificationCreationTime ?? context.Now;
        var seen = new ConcurrentDictionary<ResourceKey, bool>();
        var evaluations = new ConcurrentBag<Evaluation.Evaluation>();
        var putCalls = 0;

        // Listing is paged and sequential; each full chunk of keys starts its batch (read, judge, post) at once,
        // so batches overlap the remaining pages and each other, and memory stays bounded.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = Channel.CreateBounded<ResourceKey[]>(new BoundedChannelOptions(_options.MaxConcurrentBatches) { SingleWriter = true });
        var listing = ListInChunksAsync(chunks.Writer, stop.Token);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentBatches, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(chunks.Reader.ReadAllAsync(stop.Token), parallel, async (chunk, ct) =>
            {
                var items = await config.BatchGetResourceConfigAsync(chunk, ct).ConfigureAwait(false);
                var batch = new List<Evaluation.Evaluation>(items.Count);
                foreach (var item in items)
                {
                    seen[new ResourceKey(item.ResourceType, item.ResourceId)] = true;
                    batch.Add(await ItemEvaluator.EvaluateAsync(rule, parameters, item, context, ordering, exemptions, ct).ConfigureAwait(false));
                }
                if (batch.Count == 0) return;
                await config.PutEvaluationsAsync(batch, evt.ResultToken, ct).ConfigureAwait(false);
                Interlocked.Increment(ref putCalls);
                foreach (var evaluation in batch) evaluations.Add(evaluation);
            }).ConfigureAwait(false);
        }
        catch
        {
            // A failed batch stops the listing too; the batch's error is the one to report.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(listing).ConfigureAwait(false);
            _ = listing.Exception; // observed: the listing's own fault (or cancellation) follows from the batch's
            throw;
        }
        await listing.ConfigureAwait(false);
        putCalls += await EvaluateAccountAsync(evt, parameters, context, ordering, seen, evaluations, cancellationToken).ConfigureAwait(false);

        var stale = new List<Evaluation.Evaluation>();
        // GetComplianceDetailsByConfigRule takes names of at most 64 characters although rules may have up to 128: for a
        // longer name Config cannot list earlier results, and asking would fail every delivery of the event after its
        // evaluations were posted. Such a rule's results for resources deleted since are left as they are.
        if (!string.IsNullOrEmpty(evt.ConfigRuleName) && evt.ConfigRuleName.Length <= MaxComplianceQueryRuleNameLength)
        {
            await foreach (var key in config.ListEvaluatedResourcesAsync(evt.ConfigRuleName, cancellationToken).ConfigureAwait(false))
            {
                if (seen.ContainsKey(key) || !rule.Definition.Covers(key.ResourceType)) continue;
                seen[key] = true;
                stale.Add(ItemEvaluator.ToEvaluation(rule.Definition, key.ResourceType, key.ResourceId,
                    Verdict.NotApplicable("The resource no longer exists or is no longer recorded."), ordering));
            }
        }
        foreach (var chunk in stale.Chunk(BatchSize))
        {
            await config.PutEvaluationsAsync(chunk, evt.ResultToken, cancellationToken).ConfigureAwait(false);
            putCalls++;
        }

        return Report(evt, [.. evaluations, .. stale], stale.Count, putCalls);
    }

    /// <summary>
    /// A rule of <c>AWS::::Account</c> judges the account itself: Config lists no such resource, so the invocation's
    /// account is the one item, with the account id as resource id. Returns the PutEvaluations calls made.
    /// </summary>
    private async Task<int> EvaluateAccountAsync(ConfigRuleEvent evt, object parameters, RuleContext context, DateTimeOffset ordering,
        ConcurrentDictionary<ResourceKey, bool> seen, ConcurrentBag<Evaluation.Evaluation> evaluations, CancellationToken cancellationToken)
    {
        if (!rule.Definition.ResourceTypes.Any(AccountItem.IsAccountType)) return 0;
        if (string.IsNullOrWhiteSpace(evt.AccountId))
            throw new InvalidEventException($"A {evt.MessageType} for a rule of {AccountItem.ResourceType} must carry accountId: the account is the resource judged.");
        var item = AccountItem.For(evt.AccountId, null, ordering);
        var evaluation = await ItemEvaluator.EvaluateAsync(rule, parameters, item, context, ordering, cancellationToken).ConfigureAwait(false);
        await config.PutEvaluationsAsync([evaluation], evt.ResultToken, cancellationToken).ConfigureAwait(false);
        seen[new ResourceKey(item.ResourceType, item.ResourceId)] = true;
        evaluations.Add(evaluation);
        return 1;
    }

    /// <summary>Lists every resource of the rule's types into chunks of at most <see cref="BatchSize"/> keys.</summary>
    private async Task ListInChunksAsync(ChannelWriter<ResourceKey[]> chunks, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var chunk = new List<ResourceKey>(BatchSize);
            // AWS::::Account is not a recorded resource type: EvaluateAccountAsync judges the account instead.
            foreach (var resourceType in rule.Definition.ResourceTypes.Where(type => !AccountItem.IsAccountType(type)))
            {
                await foreach (var key in config.ListDiscoveredResourcesAsync(resourceType, cancellationToken).ConfigureAwait(false))
                {
                    chunk.Add(key);
                    if (chunk.Count < BatchSize) continue;
                    await chunks.WriteAsync([.. chunk], cancellationToken).ConfigureAwait(false);
                    chunk.Clear();
                }
            }
            if (chunk.Count > 0) await chunks.WriteAsync([.. chunk], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            // The batches end when the listing does; a listing failure ends them with its exception.
            chunks.TryComplete(failure);
        }
    }

    private InvocationReport Report(ConfigRuleEvent evt, IReadOnlyCollection<Evaluation.Evaluation> evaluations, int stale, int putCalls) => new(
        rule.Definition.Id,
        evt.MessageType,
        evaluations.Count,
        evaluations.Count(e => e.ComplianceType == ComplianceType.Compliant),
        evaluations.Count(e => e.ComplianceType == ComplianceType.NonCompliant),
        evaluations.Count(e => e.ComplianceType == ComplianceType.NotApplicable),
        stale,
        putCalls);
}

public sealed record PipelineOptions
{
    public static readonly PipelineOptions Default = new();

    /// <summary>How many periodic batches (read, judge, post) run at once.</summary>
    public int MaxConcurrentBatches { get; init; } = 4;

    /// <summary>
    /// Where the governance team's exemptions come from (the rule functions: the S3 document, cached for a minute);
    /// null: none. Read once per invocation, for exemptible rules only.
    /// </summary>
    public IExemptionSource? Exemptions { get; init; }
}

/// <summary>Config has not recorded the item an oversized notification announced; a retry will find it.</summary>
public sealed class ConfigurationItemUnavailableException(string message)
    : ConfigRulesException("ConfigurationItemUnavailableException", message);
