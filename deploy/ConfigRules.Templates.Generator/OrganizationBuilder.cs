using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The organization roll-out, deployed once in the management account or a Config delegated-administrator
/// account: a service-managed StackSet puts the deploy stack (functions, roles, notices, automation; no pack)
/// into every account of the given organizational units, and an AWS::Config::OrganizationConformancePack
/// deploys the organization variant of serverless-governance, whose rules name each account's own functions.
/// </summary>
/// <remarks>
/// Each account runs its own functions because a rule function reports with PutEvaluations in the account
/// that owns the rule, with that account's credentials; functions in one central account would need a role
/// to assume in every member account.
/// </remarks>
public static class OrganizationBuilder
{
    public static YamlMap Build(string organizationPackBody)
    {
        var parameters = new YamlMap()
            .Add("StackTemplateUrl", new YamlMap().Add("Type", "String")
                .Add("Description", "HTTPS URL of the uploaded deploy/config-rules-stack.yaml (https://BUCKET.s3.REGION.amazonaws.com/KEY).")
                .Add("AllowedPattern", "^https://.+$"))
            .Add("CodeS3Bucket", new YamlMap().Add("Type", "String")
                .Add("Description", "Bucket holding config-rules-lambda.zip, readable by the organization (see docs/deploy.md).")
                .Add("AllowedPattern", "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"))
            .Add("CodeS3Key", PackBuilder.StringParameter("config-rules-lambda.zip", "Key of the zip."))
            .Add(PackBuilder.FunctionNamePrefixParameter, PackBuilder.StringParameter(Naming.DefaultPrefix, "Name prefix of the functions in every account.")
                .Add("AllowedPattern", "^[a-z][a-z0-9-]{0,19}$"))
            .Add("OrganizationalUnitIds", new YamlMap().Add("Type", "CommaDelimitedList")
                .Add("Description", "Organizational units (or the root id r-...) whose accounts get the functions."))
            .Add("CallAs", PackBuilder.StringParameter("SELF", "SELF in the management account, DELEGATED_ADMIN in a delegated-administrator account.")
                .Add("AllowedValues", Cfn.List("SELF", "DELEGATED_ADMIN")))
            .Add("ExcludedAccounts", new YamlMap().Add("Type", "CommaDelimitedList").Add("Description",
                "Accounts (comma-separated) left out of the pack: at least the management account, where a service-managed StackSet puts no functions."))
            .Add("OrganizationConformancePackName", PackBuilder.StringParameter("serverless-governance", "Name of the organization conformance pack."));
        PackWiring.AddRuleParameters(parameters, withRemediation: true);

        var stackParameters = new YamlSequence(
            StackParameter("CodeS3Bucket"), StackParameter("CodeS3Key"), StackParameter(PackBuilder.FunctionNamePrefixParameter),
            new YamlMap().Add("ParameterKey", "DeployConformancePack").Add("ParameterValue", "false"));

        var resources = new YamlMap()
            .Add("MemberAccountFunctions", new YamlMap()
                .Add("Type", "AWS::CloudFormation::StackSet")
                .Add("Properties", new YamlMap()
                    .Add("StackSetName", Cfn.Sub("${FunctionNamePrefix}-functions"))
                    .Add("Description", "ConfigRules functions, notices and remediation automation in every member account.")
                    .Add("PermissionModel", "SERVICE_MANAGED")
                    .Add("CallAs", Cfn.Ref("CallAs"))
                    .Add("AutoDeployment", new YamlMap().Add("Enabled", true).Add("RetainStacksOnAccountRemoval", false))
                    .Add("Capabilities", Cfn.List("CAPABILITY_NAMED_IAM"))
                    .Add("ManagedExecution", new YamlMap().Add("Active", true))
                    .Add("OperationPreferences", new YamlMap().Add("FailureTolerancePercentage", 10).Add("MaxConcurrentPercentage", 25))
                    .Add("TemplateURL", Cfn.Ref("StackTemplateUrl"))
                    .Add("Parameters", stackParameters)
                    .Add("StackInstancesGroup", new YamlSequence(new YamlMap()
                        .Add("DeploymentTargets", new YamlMap().Add("OrganizationalUnitIds", Cfn.Ref("OrganizationalUnitIds")))
                        .Add("Regions", Cfn.List(Cfn.Ref("AWS::Region")))))))
            .Add("OrganizationPack", new YamlMap()
                .Add("Type", "AWS::Config::OrganizationConformancePack")
                .Add("DependsOn", "MemberAccountFunctions", "The rules need the functions in place in each account.")
                .Add("Properties", new YamlMap()
                    .Add("OrganizationConformancePackName", Cfn.Ref("OrganizationConformancePackName"))
                    .Add("TemplateBody", new YamlLiteral(organizationPackBody),
                        "deploy/organization/serverless-governance-organization-pack.yaml, embedded (generated; the tests check it is identical).")
                    .Add("ExcludedAccounts", Cfn.Ref("ExcludedAccounts"))
                    .Add("ConformancePackInputParameters", new YamlSequence([
                        PackWiring.Input(PackBuilder.FunctionNamePrefixParameter, Cfn.Ref(PackBuilder.FunctionNamePrefixParameter)),
                        .. PackWiring.RuleParameterInputs(withRemediation: true)]))));

        return new YamlMap()
            .Add("AWSTemplateFormatVersion", "2010-09-09")
            .Add("Description", "ConfigRules for an organization: the functions in every member account (StackSet) and the organization conformance pack.")
            .Add("Parameters", parameters)
            .Add("Resources", resources);
    }

    private static YamlMap StackParameter(string name) =>
        new YamlMap().Add("ParameterKey", name).Add("ParameterValue", Cfn.Ref(name));
}
