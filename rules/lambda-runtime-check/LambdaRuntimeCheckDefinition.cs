using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaRuntime;

/// <summary>lambda-runtime-check as data: see README.md beside this file.</summary>
public static class LambdaRuntimeCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "lambda-runtime-check",
        Title = "Lambda runtimes are supported and allowed",
        Description = "Flags Lambda functions on a runtime that AWS has deprecated (or will within the window), or on a runtime outside the allowed list. Deprecated runtimes get no security patches and soon block function updates.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.High,
        Packs = [RulePacks.LambdaFunctionStandards],
        Parameters =
        [
            new("allowedRuntimes", ParameterKind.StringList, null,
                "Runtime identifiers functions may use (for example python3.13,nodejs22.x). Empty: any runtime that is not deprecated."),
            new("deprecationWindowDays", ParameterKind.Integer, "0",
                "Flag a runtime this many days before its deprecation date, so teams can move before AWS stops patching it.", Minimum: 0, Maximum: 3650),
        ],
        TemplateInputs = [new("packageType", "PackageType"), new("runtime", "Runtime")],
        Remediation = "Move the function to the successor runtime named in the annotation (update Runtime and redeploy).",
    };
}
