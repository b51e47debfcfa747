using ConfigRules.Framework.Model;

namespace ConfigRules.Framework.Evaluation;

/// <summary>One result as PutEvaluations takes it. The annotation is already within Config's limits.</summary>
public sealed record Evaluation(
    string ComplianceResourceType,
    string ComplianceResourceId,
    ComplianceType ComplianceType,
    string? Annotation,
    DateTimeOffset OrderingTimestamp);
