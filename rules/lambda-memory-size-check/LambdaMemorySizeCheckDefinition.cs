using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaMemorySize;

/// <summary>lambda-memory-size-check as data: see README.md beside this file.</summary>
public static class LambdaMemorySizeCheckDefinition
{
    /// <summary>What the rule judges and how its annotations word it.</summary>
    public static NumberBound Bound { get; } = new()
    {
        Field = "memorySize",
        Label = "Memory",
        Unit = "MB",
        Property = "MemorySize",
        Minimum = new("minMemorySize", ParameterKind.Integer, "128", "The smallest memory size allowed, in MB.", Minimum: 128, Maximum: 10240),
        Maximum = new("maxMemorySize", ParameterKind.Integer, "3008", "The largest memory size allowed, in MB.", Minimum: 128, Maximum: 10240),
    };

    public static RuleDefinition Value { get; } = new()
    {
        Id = "lambda-memory-size-check",
        Title = "Lambda memory stays within the agreed range",
        Description = "Flags Lambda functions whose memory size is outside the allowed range. Memory sets both cost and CPU share, so outliers are either waste or starved.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.Medium,
        Packs = [RulePacks.LambdaFunctionStandards],
        Parameters = Bound.Parameters,
        TemplateInputs = [Bound.TemplateInput],
        Remediation = "Set MemorySize within the range, or change the rule's minMemorySize/maxMemorySize if the range is wrong for this workload.",
    };
}
