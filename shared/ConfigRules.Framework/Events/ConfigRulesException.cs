namespace ConfigRules.Framework.Events;

/// <summary>
/// A failure with a stable <see cref="ErrorType"/>, reported to the Lambda Runtime API as the invocation's
/// <c>errorType</c>. The message names what is wrong and what is accepted.
/// </summary>
public abstract class ConfigRulesException(string errorType, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string ErrorType { get; } = errorType;
}

/// <summary>The event is not a Config custom-rule event this rule can read.</summary>
public sealed class InvalidEventException(string message, Exception? inner = null)
    : ConfigRulesException("InvalidEventException", message, inner);

/// <summary>One or more rule parameters are invalid; the message lists every problem.</summary>
public sealed class InvalidParameterValueException : ConfigRulesException
{
    public InvalidParameterValueException(string ruleId, IReadOnlyList<string> problems)
        : base("InvalidParameterValueException", Format(ruleId, problems))
    {
        RuleId = ruleId;
        Problems = problems;
    }

    public string RuleId { get; }
    public IReadOnlyList<string> Problems { get; }

    private static string Format(string ruleId, IReadOnlyList<string> problems) => problems.Count == 1
        ? $"Invalid parameter for {ruleId}: {problems[0]}"
        : $"Invalid parameters for {ruleId} ({problems.Count} problems): {string.Join(" ", problems.Select((p, i) => $"({i + 1}) {p}"))}";
}
