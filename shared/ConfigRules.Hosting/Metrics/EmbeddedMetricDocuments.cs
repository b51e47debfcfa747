using System.Text.Json.Serialization;

namespace ConfigRules.Hosting.Metrics;

// The CloudWatch Embedded Metric Format (EMF): a JSON log line whose "_aws" member tells CloudWatch Logs which of
// the line's other members are metrics (with their unit) and which are dimensions. Metric and dimension values
// are root members named after them, so each kind of line is its own record with its own members.

/// <summary>The <c>_aws</c> member: when the values were taken and how CloudWatch reads them.</summary>
public sealed record EmfMetadata(
    [property: JsonPropertyName("Timestamp")] long Timestamp,
    [property: JsonPropertyName("CloudWatchMetrics")] IReadOnlyList<EmfDirective> CloudWatchMetrics);

/// <summary>One namespace, its dimension sets (each a list of root member names) and its metrics.</summary>
public sealed record EmfDirective(
    [property: JsonPropertyName("Namespace")] string Namespace,
    [property: JsonPropertyName("Dimensions")] IReadOnlyList<IReadOnlyList<string>> Dimensions,
    [property: JsonPropertyName("Metrics")] IReadOnlyList<EmfMetric> Metrics);

/// <summary>A metric: the name of the root member holding its value, and a CloudWatch unit.</summary>
public sealed record EmfMetric(
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Unit")] string Unit);

/// <summary>One rule invocation: the evaluations PutEvaluations accepted, or <c>Errors</c> = 1 when it failed.</summary>
public sealed record RuleInvocationLine(
    [property: JsonPropertyName("_aws")] EmfMetadata Aws,
    [property: JsonPropertyName("Rule")] string Rule,
    [property: JsonPropertyName("requestId")] string? RequestId,
    [property: JsonPropertyName("Evaluations")] int? Evaluations,
    [property: JsonPropertyName("Compliant")] int? Compliant,
    [property: JsonPropertyName("NonCompliant")] int? NonCompliant,
    [property: JsonPropertyName("NotApplicable")] int? NotApplicable,
    [property: JsonPropertyName("Errors")] int? Errors,
    [property: JsonPropertyName("Duration")] double Duration);

/// <summary>
/// One deployment-hook decision: its status, how many rule verdicts it gave and how many failed, and 1 in
/// <c>InternalFailures</c> when the request could not be judged (a FAILED answer that is no finding, and no Lambda error either).
/// </summary>
public sealed record HookDecisionLine(
    [property: JsonPropertyName("_aws")] EmfMetadata Aws,
    [property: JsonPropertyName("HookStatus")] string HookStatus,
    [property: JsonPropertyName("requestId")] string? RequestId,
    [property: JsonPropertyName("Decisions")] int Decisions,
    [property: JsonPropertyName("Annotations")] int Annotations,
    [property: JsonPropertyName("FailedAnnotations")] int FailedAnnotations,
    [property: JsonPropertyName("InternalFailures")] int InternalFailures,
    [property: JsonPropertyName("Duration")] double Duration);

/// <summary>One invocation of an operational handler (notifier, remediation): what it did, or <c>Errors</c> = 1.</summary>
public sealed record HandlerInvocationLine(
    [property: JsonPropertyName("_aws")] EmfMetadata Aws,
    [property: JsonPropertyName("Handler")] string Handler,
    [property: JsonPropertyName("requestId")] string? RequestId,
    [property: JsonPropertyName("NoticesPublished")] int? NoticesPublished,
    [property: JsonPropertyName("Remediations")] int? Remediations,
    [property: JsonPropertyName("ReEvaluations")] int? ReEvaluations,
    [property: JsonPropertyName("Errors")] int? Errors,
    [property: JsonPropertyName("Duration")] double Duration);

/// <summary>Source-generated serialization of the metric lines; absent metrics are left out, never written as null.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RuleInvocationLine))]
[JsonSerializable(typeof(HookDecisionLine))]
[JsonSerializable(typeof(HandlerInvocationLine))]
internal sealed partial class MetricsJsonContext : JsonSerializerContext;
