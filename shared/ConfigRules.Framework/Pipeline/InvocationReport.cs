namespace ConfigRules.Framework.Pipeline;

/// <summary>What one rule invocation did: the Lambda response body, and a log line.</summary>
public sealed record InvocationReport(
    string RuleId,
    string MessageType,
    int Evaluations,
    int Compliant,
    int NonCompliant,
    int NotApplicable,
    int StaleCleared,
    int PutEvaluationsCalls);
