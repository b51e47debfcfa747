using ConfigRules.Framework.Rules;

namespace TemplateNamespace;

/// <summary>The rule as data: hosts derive the handler, parameters, IAM policy and docs from it.</summary>
public static class RequiredTagCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "rule-template-id",
        Title = "Lambda functions carry the required tag",
        Description = "Flags Lambda functions without the tag named by tagKey, so that every function has someone to answer for it.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.Low,
        Parameters =
        [
            new("tagKey", ParameterKind.String, "owner", "The tag every function must carry."),
        ],
        Remediation = "Add the tag to the function (Tags in CloudFormation and SAM).",
    };
}
