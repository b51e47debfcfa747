using ConfigRules.Aws;
using ConfigRules.Aws.Iam;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>lambda-execution-role-check as data: see README.md beside this file.</summary>
public static class LambdaExecutionRoleCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "lambda-execution-role-check",
        Title = "Lambda execution roles are approved and not over-privileged",
        Description = "Flags Lambda functions whose execution role is not an approved one, has a forbidden managed policy attached, or lacks a required permissions boundary. The execution role is everything a compromised function can do.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.High,
        Packs = [RulePacks.LambdaFunctionStandards],
        Parameters =
        [
            new("allowedRoleArnPatterns", ParameterKind.StringList, null,
                "Role ARNs functions may use; * matches any run of characters (for example arn:aws:iam::*:role/app-*). Empty: any role."),
            new("forbiddenPolicyArns", ParameterKind.StringList, "arn:aws:iam::aws:policy/AdministratorAccess",
                "Managed policy ARNs that must not be attached to an execution role."),
            new("requirePermissionsBoundary", ParameterKind.Boolean, "false", "Require the execution role to have a permissions boundary."),
        ],
        Lookups =
        [
            new RuleLookup<IExecutionRoleLookup>
            {
                Describes = "the function's execution role: its ARN, permissions boundary and attached managed policies",
                IamActions = ["iam:GetRole", "iam:ListAttachedRolePolicies"],
                RelatedResourceTypes = [RoleIndex.RoleResourceType],
                Live = host => new IamExecutionRoleLookup(IamClient.Create(host.Require<AwsClientContext>()), host.Time),
                Offline = source => new RoleIndex(source),
            },
        ],
        TemplateInputs = [new("role", "Role")],
        Remediation = "Give the function an approved role, detach the forbidden policy, or set a permissions boundary on the role.",
    };
}
