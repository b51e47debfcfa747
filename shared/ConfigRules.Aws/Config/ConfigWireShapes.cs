using System.Text.Json;
using System.Text.Json.Serialization;
using ConfigRules.Framework.Json;

namespace ConfigRules.Aws.Config;

// Config's awsJson1_1 shapes, member names exactly as in the service model (some operations are camelCase,
// others PascalCase). Only the members this package sends or reads are declared.

internal sealed class GetResourceConfigHistoryInput
{
    [JsonPropertyName("resourceType")] public required string ResourceType { get; init; }
    [JsonPropertyName("resourceId")] public required string ResourceId { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }
    [JsonPropertyName("nextToken")] public string? NextToken { get; init; }
}

internal sealed class GetResourceConfigHistoryOutput
{
    [JsonPropertyName("configurationItems")] public List<ConfigurationItemDocument>? ConfigurationItems { get; set; }
    [JsonPropertyName("nextToken")] public string? NextToken { get; set; }
}

internal sealed class ListDiscoveredResourcesInput
{
    [JsonPropertyName("resourceType")] public required string ResourceType { get; init; }
    [JsonPropertyName("limit")] public int? Limit { get; init; }
    [JsonPropertyName("includeDeletedResources")] public bool? IncludeDeletedResources { get; init; }
    [JsonPropertyName("nextToken")] public string? NextToken { get; init; }
}

internal sealed class ListDiscoveredResourcesOutput
{
    [JsonPropertyName("resourceIdentifiers")] public List<ResourceIdentifierShape>? ResourceIdentifiers { get; set; }
    [JsonPropertyName("nextToken")] public string? NextToken { get; set; }
}

internal sealed class ResourceIdentifierShape
{
    [JsonPropertyName("resourceType")] public string? ResourceType { get; set; }
    [JsonPropertyName("resourceId")] public string? ResourceId { get; set; }
    [JsonPropertyName("resourceName")] public string? ResourceName { get; set; }
}

internal sealed class ResourceKeyShape
{
    [JsonPropertyName("resourceType")] public required string ResourceType { get; init; }
    [JsonPropertyName("resourceId")] public required string ResourceId { get; init; }
}

internal sealed class BatchGetResourceConfigInput
{
    [JsonPropertyName("resourceKeys")] public required List<ResourceKeyShape> ResourceKeys { get; init; }
}

internal sealed class BatchGetResourceConfigOutput
{
    [JsonPropertyName("baseConfigurationItems")] public List<ConfigurationItemDocument>? BaseConfigurationItems { get; set; }
    [JsonPropertyName("unprocessedResourceKeys")] public List<ResourceKeyShape>? UnprocessedResourceKeys { get; set; }
}

internal sealed class GetComplianceDetailsByConfigRuleInput
{
    [JsonPropertyName("ConfigRuleName")] public required string ConfigRuleName { get; init; }
    [JsonPropertyName("ComplianceTypes")] public required List<string> ComplianceTypes { get; init; }
    [JsonPropertyName("Limit")] public int? Limit { get; init; }
    [JsonPropertyName("NextToken")] public string? NextToken { get; init; }
}

internal sealed class GetComplianceDetailsByConfigRuleOutput
{
    [JsonPropertyName("EvaluationResults")] public List<EvaluationResultShape>? EvaluationResults { get; set; }
    [JsonPropertyName("NextToken")] public string? NextToken { get; set; }
}

internal sealed class EvaluationResultShape
{
    [JsonPropertyName("EvaluationResultIdentifier")] public EvaluationResultIdentifierShape? EvaluationResultIdentifier { get; set; }
    [JsonPropertyName("ComplianceType")] public string? ComplianceType { get; set; }
}

internal sealed class EvaluationResultIdentifierShape
{
    [JsonPropertyName("EvaluationResultQualifier")] public EvaluationResultQualifierShape? EvaluationResultQualifier { get; set; }
}

internal sealed class EvaluationResultQualifierShape
{
    [JsonPropertyName("ConfigRuleName")] public string? ConfigRuleName { get; set; }
    [JsonPropertyName("ResourceType")] public string? ResourceType { get; set; }
    [JsonPropertyName("ResourceId")] public string? ResourceId { get; set; }
}

internal sealed class EvaluationShape
{
    [JsonPropertyName("ComplianceResourceType")] public required string ComplianceResourceType { get; init; }
    [JsonPropertyName("ComplianceResourceId")] public required string ComplianceResourceId { get; init; }
    [JsonPropertyName("ComplianceType")] public required string ComplianceType { get; init; }
    [JsonPropertyName("Annotation")] public string? Annotation { get; init; }

    /// <summary>Epoch seconds (a JSON number, millisecond precision), as the SDKs send awsJson timestamps.</summary>
    [JsonPropertyName("OrderingTimestamp")] public required decimal OrderingTimestamp { get; init; }
}

internal sealed class PutEvaluationsInput
{
    [JsonPropertyName("Evaluations")] public required List<EvaluationShape> Evaluations { get; init; }
    [JsonPropertyName("ResultToken")] public required string ResultToken { get; init; }
}

internal sealed class PutEvaluationsOutput
{
    [JsonPropertyName("FailedEvaluations")] public List<FailedEvaluationShape>? FailedEvaluations { get; set; }
}

internal sealed class FailedEvaluationShape
{
    [JsonPropertyName("ComplianceResourceType")] public string? ComplianceResourceType { get; set; }
    [JsonPropertyName("ComplianceResourceId")] public string? ComplianceResourceId { get; set; }
    [JsonPropertyName("ComplianceType")] public string? ComplianceType { get; set; }
    [JsonPropertyName("OrderingTimestamp")] public JsonElement OrderingTimestamp { get; set; }
}

internal sealed class StartConfigRulesEvaluationInput
{
    [JsonPropertyName("ConfigRuleNames")] public required List<string> ConfigRuleNames { get; init; }
}

internal sealed class DescribeConfigRulesInput
{
    // ConfigRuleNames and Filters left out: the fast path lists every rule, since deployed names are not known in advance.
    [JsonPropertyName("NextToken")] public string? NextToken { get; init; }
}

internal sealed class DescribeConfigRulesOutput
{
    [JsonPropertyName("ConfigRules")] public List<ConfigRuleShape>? ConfigRules { get; set; }
    [JsonPropertyName("NextToken")] public string? NextToken { get; set; }
}

internal sealed class ConfigRuleShape
{
    [JsonPropertyName("ConfigRuleName")] public string? ConfigRuleName { get; set; }

    /// <summary>ACTIVE, DELETING, DELETING_RESULTS or EVALUATING.</summary>
    [JsonPropertyName("ConfigRuleState")] public string? ConfigRuleState { get; set; }
}

internal sealed class EmptyOutput;

internal sealed class ListAggregateDiscoveredResourcesInput
{
    [JsonPropertyName("ConfigurationAggregatorName")] public required string ConfigurationAggregatorName { get; init; }
    [JsonPropertyName("ResourceType")] public required string ResourceType { get; init; }
    [JsonPropertyName("Limit")] public int? Limit { get; init; }
    [JsonPropertyName("NextToken")] public string? NextToken { get; init; }
}

internal sealed class ListAggregateDiscoveredResourcesOutput
{
    [JsonPropertyName("ResourceIdentifiers")] public List<AggregateResourceIdentifierShape>? ResourceIdentifiers { get; set; }
    [JsonPropertyName("NextToken")] public string? NextToken { get; set; }
}

internal sealed class AggregateResourceIdentifierShape
{
    [JsonPropertyName("SourceAccountId")] public string? SourceAccountId { get; set; }
    [JsonPropertyName("SourceRegion")] public string? SourceRegion { get; set; }
    [JsonPropertyName("ResourceId")] public string? ResourceId { get; set; }
    [JsonPropertyName("ResourceType")] public string? ResourceType { get; set; }
    [JsonPropertyName("ResourceName")] public string? ResourceName { get; set; }
}

internal sealed class BatchGetAggregateResourceConfigInput
{
    [JsonPropertyName("ConfigurationAggregatorName")] public required string ConfigurationAggregatorName { get; init; }
    [JsonPropertyName("ResourceIdentifiers")] public required List<AggregateResourceIdentifierShape> ResourceIdentifiers { get; init; }
}

internal sealed class BatchGetAggregateResourceConfigOutput
{
    [JsonPropertyName("BaseConfigurationItems")] public List<ConfigurationItemDocument>? BaseConfigurationItems { get; set; }
    [JsonPropertyName("UnprocessedResourceIdentifiers")] public List<AggregateResourceIdentifierShape>? UnprocessedResourceIdentifiers { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetResourceConfigHistoryInput))]
[JsonSerializable(typeof(GetResourceConfigHistoryOutput))]
[JsonSerializable(typeof(ListDiscoveredResourcesInput))]
[JsonSerializable(typeof(ListDiscoveredResourcesOutput))]
[JsonSerializable(typeof(BatchGetResourceConfigInput))]
[JsonSerializable(typeof(BatchGetResourceConfigOutput))]
[JsonSerializable(typeof(GetComplianceDetailsByConfigRuleInput))]
[JsonSerializable(typeof(GetComplianceDetailsByConfigRuleOutput))]
[JsonSerializable(typeof(PutEvaluationsInput))]
[JsonSerializable(typeof(PutEvaluationsOutput))]
[JsonSerializable(typeof(StartConfigRulesEvaluationInput))]
[JsonSerializable(typeof(DescribeConfigRulesInput))]
[JsonSerializable(typeof(DescribeConfigRulesOutput))]
[JsonSerializable(typeof(ListAggregateDiscoveredResourcesInput))]
[JsonSerializable(typeof(ListAggregateDiscoveredResourcesOutput))]
[JsonSerializable(typeof(BatchGetAggregateResourceConfigInput))]
[JsonSerializable(typeof(BatchGetAggregateResourceConfigOutput))]
[JsonSerializable(typeof(EmptyOutput))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
