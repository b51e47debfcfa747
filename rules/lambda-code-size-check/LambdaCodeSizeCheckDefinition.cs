using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaCodeSize;

/// <summary>lambda-code-size-check as data: see README.md beside this file.</summary>
public static class LambdaCodeSizeCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "lambda-code-size-check",
        Title = "Lambda deployment packages stay small",
        Description = "Flags Lambda functions whose deployment package (with its layers, by default) exceeds the maximum size. Large packages slow cold starts and often ship what the function does not need.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.Low,
        Packs = [RulePacks.LambdaFunctionStandards],
        Parameters =
        [
            new("maxCodeSizeBytes", ParameterKind.Integer, "10485760",
                "The largest deployment package allowed, in bytes.", Minimum: 1),
            new("includeLayers", ParameterKind.Boolean, "true",
                "Count the size of each attached layer as well as the function's own package."),
        ],
        TemplateInputs = [new("codeSize", "Code"), new("layers", "Layers")],
        Remediation = "Remove unused dependencies, move shared code to a layer or shrink the package (for example with tree shaking or a container image).",
    };
}
