using System.Runtime.CompilerServices;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;
using FrameworkEvaluation = ConfigRules.Framework.Evaluation.Evaluation;

namespace ConfigRules.Aws.Config;

/// <summary>AWS Config over awsJson1_1 (<c>StarlingDoveService</c>): the operations the rule pipeline and the fast path call.</summary>
public sealed partial class ConfigServiceClient : IConfigService
{
    public const string TargetPrefix = "StarlingDoveService";
    public const int MaxBatch = 100;
    private const int PageSize = 100;
    private readonly AwsJsonProtocol _protocol;
    private readonly AwsTransport _transport;

    public ConfigServiceClient(AwsTransport transport, AwsEndpoint endpoint)
    {
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _protocol = new AwsJsonProtocol(transport, AwsService.Config, endpoint, TargetPrefix);
    }

    public static ConfigServiceClient Create(AwsClientContext context) =>
        new(context.Transport, context.EndpointFor(AwsService.Config));

    public async Task<ConfigurationItem?> GetLatestConfigurationItemAsync(string resourceType, string resourceId, CancellationToken cancellationToken)
    {
        var output = await NoneAnswers.NullWhenAsync(_protocol.InvokeAsync("GetResourceConfigHistory",
                new GetResourceConfigHistoryInput { ResourceType = resourceType, ResourceId = resourceId, Limit = 1 },
                ConfigJsonContext.Default.GetResourceConfigHistoryInput, ConfigJsonContext.Default.GetResourceConfigHistoryOutput,
                cancellationToken), "ResourceNotDiscoveredException").ConfigureAwait(false);
        var item = output?.ConfigurationItems?.FirstOrDefault();
        return item is null ? null : ConfigurationItemMapper.FromDocument(item);
    }

    public async IAsyncEnumerable<ResourceKey> ListDiscoveredResourcesAsync(string resourceType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? nextToken = null;
        do
        {
            var page = await _protocol.InvokeAsync("ListDiscoveredResources",
                new ListDiscoveredResourcesInput { ResourceType = resourceType, Limit = PageSize, NextToken = nextToken },
                ConfigJsonContext.Default.ListDiscoveredResourcesInput, ConfigJsonContext.Default.ListDiscoveredResourcesOutput,
                cancellationToken).ConfigureAwait(false);
            foreach (var identifier in page.ResourceIdentifiers ?? [])
            {
                if (identifier.ResourceType is null || identifier.ResourceId is null)
                    throw new AwsProtocolException("Config ListDiscoveredResources returned a resource identifier without resourceType or resourceId.");
                yield return new ResourceKey(identifier.ResourceType, identifier.ResourceId);
            }
            nextToken = NextPageToken(page.NextToken, nextToken, "ListDiscoveredResources");
        }
        while (nextToken is not null);
    }

    public async Task<IReadOnlyList<ConfigurationItem>> BatchGetResourceConfigAsync(IReadOnlyList<ResourceKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return [];
        if (keys.Count > MaxBatch)
            throw new ArgumentException($"BatchGetResourceConfig takes at most {MaxBatch} keys a call; {keys.Count} were given.", nameof(keys));

        var items = new List<ConfigurationItem>(keys.Count);
        await SendUntilDoneAsync(new BatchRetry<ResourceKeyShape>("BatchGetResourceConfig", "UnprocessedResourceKeys",
                left => $"left {left} of {keys.Count} resource keys unprocessed", k => $"{k.ResourceType}/{k.ResourceId}"),
            [.. keys.Select(k => new ResourceKeyShape { ResourceType = k.ResourceType, ResourceId = k.ResourceId })],
            async (pending, token) =>
            {
                var output = await _protocol.InvokeAsync("BatchGetResourceConfig", new BatchGetResourceConfigInput { ResourceKeys = pending },
                    ConfigJsonContext.Default.BatchGetResourceConfigInput, ConfigJsonContext.Default.BatchGetResourceConfigOutput,
                    token).ConfigureAwait(false);
                items.AddRange((output.BaseConfigurationItems ?? []).Select(document => ConfigurationItemMapper.FromDocument(document)));
                return output.UnprocessedResourceKeys ?? [];
            }, cancellationToken).ConfigureAwait(false);
        return items;
    }

    public async IAsyncEnumerable<ResourceKey> ListEvaluatedResourcesAsync(string configRuleName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? nextToken = null;
        do
        {
            var page = await _protocol.InvokeAsync("GetComplianceDetailsByConfigRule",
                new GetComplianceDetailsByConfigRuleInput
                {
                    ConfigRuleName = configRuleName,
                    ComplianceTypes = [ComplianceTypeNames.Compliant, ComplianceTypeNames.NonCompliant],
                    Limit = PageSize,
                    NextToken = nextToken,
                },
                ConfigJsonContext.Default.GetComplianceDetailsByConfigRuleInput, ConfigJsonContext.Default.GetComplianceDetailsByConfigRuleOutput,
                cancellationToken).ConfigureAwait(false);
            foreach (var result in page.EvaluationResults ?? [])
            {
                var qualifier = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
                if (qualifier?.ResourceType is null || qualifier.ResourceId is null)
                    throw new AwsProtocolException("Config GetComplianceDetailsByConfigRule returned a result without ResourceType or ResourceId.");
                yield return new ResourceKey(qualifier.ResourceType, qualifier.ResourceId);
            }
            nextToken = NextPageToken(page.NextToken, nextToken, "GetComplianceDetailsByConfigRule");
        }
        while (nextToken is not null);
    }

    public async Task PutEvaluationsAsync(IReadOnlyList<FrameworkEvaluation> evaluations, string resultToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentException.ThrowIfNullOrEmpty(resultToken);
        if (evaluations.Count == 0) return;
        if (evaluations.Count > MaxBatch)
            throw new ArgumentException($"PutEvaluations takes at most {MaxBatch} evaluations a call; {evaluations.Count} were given.", nameof(evaluations));

        await SendUntilDoneAsync(new BatchRetry<EvaluationShape>("PutEvaluations", "FailedEvaluations",
                left => $"refused {left} of {evaluations.Count} evaluations", e => $"{e.ComplianceResourceType}/{e.ComplianceResourceId}"),
            [.. evaluations.Select(ToShape)],
            async (pending, token) =>
            {
                var output = await _protocol.InvokeAsync("PutEvaluations", new PutEvaluationsInput { Evaluations = pending, ResultToken = resultToken },
                    ConfigJsonContext.Default.PutEvaluationsInput, ConfigJsonContext.Default.PutEvaluationsOutput, token).ConfigureAwait(false);
                return RefusedOnes(pending, output.FailedEvaluations);
            }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks Config to evaluate the rules now (StartConfigRulesEvaluation, 1 to 25 rule names).</summary>
    public async Task StartConfigRulesEvaluationAsync(IReadOnlyList<string> ruleNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleNames);
        if (ruleNames.Count is < 1 or > 25)
            throw new ArgumentException($"StartConfigRulesEvaluation takes 1 to 25 rule names; {ruleNames.Count} were given.", nameof(ruleNames));
        await _protocol.InvokeAsync("StartConfigRulesEvaluation", new StartConfigRulesEvaluationInput { ConfigRuleNames = [.. ruleNames] },
            ConfigJsonContext.Default.StartConfigRulesEvaluationInput, ConfigJsonContext.Default.EmptyOutput, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The names of this account's Config rules in this region (DescribeConfigRules, every page). Rules being deleted
    /// (ConfigRuleState DELETING or DELETING_RESULTS) are left out: StartConfigRulesEvaluation cannot run them.
    /// </summary>
    public async Task<IReadOnlyList<string>> DescribeConfigRuleNamesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await _protocol.InvokeAsync("DescribeConfigRules", new DescribeConfigRulesInput { NextToken = nextToken },
                ConfigJsonContext.Default.DescribeConfigRulesInput, ConfigJsonContext.Default.DescribeConfigRulesOutput,
                cancellationToken).ConfigureAwait(false);
            foreach (var rule in page.ConfigRules ?? [])
            {
                if (string.IsNullOrEmpty(rule.ConfigRuleName))
                    throw new AwsProtocolException("Config DescribeConfigRules returned a rule without ConfigRuleName.");
                if (rule.ConfigRuleState?.StartsWith("DELETING", StringComparison.Ordinal) == true) continue;
                names.Add(rule.ConfigRuleName);
            }
            nextToken = NextPageToken(page.NextToken, nextToken, "DescribeConfigRules");
        }
        while (nextToken is not null);
        return names;
    }

    private static EvaluationShape ToShape(FrameworkEvaluation evaluation) => new()
    {
        ComplianceResourceType = evaluation.ComplianceResourceType,
        ComplianceResourceId = evaluation.ComplianceResourceId,
        ComplianceType = evaluation.ComplianceType.ToWire(),
        Annotation = string.IsNullOrEmpty(evaluation.Annotation) ? null : evaluation.Annotation,
        OrderingTimestamp = Framework.Json.FlexibleTimestampConverter.ToEpochSeconds(evaluation.OrderingTimestamp),
    };

    /// <summary>The evaluations to send again: ours (as first sent) that Config listed as failed.</summary>
    private static List<EvaluationShape> RefusedOnes(List<EvaluationShape> sent, List<FailedEvaluationShape>? failed)
    {
        if (failed is not { Count: > 0 }) return [];
        var refused = new List<EvaluationShape>(failed.Count);
        foreach (var f in failed)
        {
            var match = sent.FirstOrDefault(e => !refused.Contains(e)
                && e.ComplianceResourceType == f.ComplianceResourceType && e.ComplianceResourceId == f.ComplianceResourceId
                && (f.ComplianceType is null || e.ComplianceType == f.ComplianceType));
            // Config echoes what it was sent; a failure matching nothing we sent is a protocol fault, reported, not ignored.
            refused.Add(match ?? throw new AwsProtocolException(
                $"Config PutEvaluations reported a failed evaluation that was not sent: {f.ComplianceResourceType}/{f.ComplianceResourceId}."));
        }
        return refused;
    }

    private static string? NextPageToken(string? next, string? previous, string operation)
    {
        if (string.IsNullOrEmpty(next)) return null;
        if (next == previous) throw new AwsProtocolException($"Config {operation} returned the same nextToken twice; paging would never end.");
        return next;
    }
}
