using ConfigRules.Framework.Events;

namespace ConfigRules.Aws.Transport;

/// <summary>
/// A batch call kept refusing part of its batch (PutEvaluations' FailedEvaluations, BatchGetResourceConfig's
/// unprocessed keys) through every retry or until the deadline. Thrown rather than dropping anything, so the
/// invocation fails and Lambda retries it. <see cref="ConfigRulesException.ErrorType"/> names the field.
/// </summary>
public sealed class IncompleteBatchException(string errorType, string message, int remaining, int total)
    : ConfigRulesException(errorType, message)
{
    public int Remaining { get; } = remaining;
    public int Total { get; } = total;
}
