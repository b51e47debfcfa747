using ConfigRules.Aws;
using ConfigRules.Aws.Lambda;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaPublicAccess;

/// <summary>lambda-public-access-check as data: see README.md beside this file.</summary>
public static class LambdaPublicAccessCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "lambda-public-access-check",
        Title = "Lambda functions are not open to the public or to unapproved accounts",
        Description = "Flags Lambda functions whose resource policy lets anyone, or an account that is not approved, invoke or manage them without a condition on the caller's source or organization, including public function URLs. A public function is a perimeter breach, so this rule cannot be exempted.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.Critical,
        Packs = [RulePacks.ServerlessSecurity],
        Exemptible = false,
        Parameters =
        [
            new("allowedPrincipalAccounts", ParameterKind.StringList, null,
                "Other 12-digit account ids the resource policy may grant to without a source condition. The function's own account is always allowed."),
            new("allowFunctionUrlAuthNone", ParameterKind.Boolean, "false",
                "Allow public function URLs (AuthType NONE)."),
        ],
        Lookups =
        [
            new RuleLookup<IFunctionPolicyLookup>
            {
                Describes = "the function's resource policy, when the item does not carry it",
                IamActions = ["lambda:GetPolicy"],
                Live = host => new LambdaFunctionPolicyLookup(LambdaClient.Create(host.Require<AwsClientContext>())),
                Offline = _ => new RecordedFunctionPolicy(),
            },
        ],
        TemplateInputs = [new("supplementaryConfiguration.Policy", "Policy")],
        Remediation = "Remove the public or cross-account grant from the function's resource policy, or add an aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition; set function URLs to AuthType AWS_IAM.",
    };
}
