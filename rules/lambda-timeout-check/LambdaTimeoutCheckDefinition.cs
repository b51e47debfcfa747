using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaTimeout;

/// <summary>lambda-timeout-check as data: see README.md beside this file.</summary>
public static class LambdaTimeoutCheckDefinition
{
    /// <summary>What the rule judges and how its annotations word it.</summary>
    public static NumberBound Bound { get; } = new()
    {
        Field = "timeout",
        Label = "Timeout",
        Unit = "s",
        Property = "Timeout",
        Minimum = new("minTimeout", ParameterKind.Integer, "1", "The shortest timeout allowed, in seconds.", Minimum: 1, Maximum: 900),
        Maximum = new("maxTimeout", ParameterKind.Integer, "300", "The longest timeout allowed, in seconds.", Minimum: 1, Maximum: 900),
        AboveMaximum = "exceeds",
    };

    public static RuleDefinition Value { get; } = new()
    {
        Id = "lambda-timeout-check",
        Title = "Lambda timeouts stay within the agreed range",
        Description = "Flags Lambda functions whose timeout is outside the allowed range. Long timeouts let stuck invocations run up cost and hold concurrency; very short ones cut work off.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.Medium,
        Packs = [RulePacks.LambdaFunctionStandards],
        Parameters = Bound.Parameters,
        TemplateInputs = [Bound.TemplateInput],
        Remediation = "Set Timeout within the range, or change the rule's minTimeout/maxTimeout if the range is wrong for this workload.",
    };
}
