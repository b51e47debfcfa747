using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaHandlerName;

/// <summary>lambda-handler-name-check as data: see README.md beside this file.</summary>
public static class LambdaHandlerNameCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "lambda-handler-name-check",
        Title = "Lambda handlers follow the naming convention",
        Description = "Flags Lambda functions whose handler does not match the required pattern, or, without one, the conventional handler shape of the runtime's language. Consistent handlers keep deployments and tooling predictable.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.Low,
        Packs = [RulePacks.LambdaFunctionStandards],
        Parameters =
        [
            new("handlerPattern", ParameterKind.Regex, null,
                "A regular expression the whole handler must match. Empty: the conventional handler shape of the function's runtime."),
        ],
        TemplateInputs = [new("packageType", "PackageType"), new("handler", "Handler"), new("runtime", "Runtime")],
        Remediation = "Rename the handler (the Handler setting and the code it points to) to match the pattern.",
    };
}
