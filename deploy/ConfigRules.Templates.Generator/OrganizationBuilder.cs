using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The organization roll-out, deployed once in the management account or a Config delegated-administrator
/// account, after the central deploy stack (OrganizationId set): a service-managed StackSet puts the member role
/// (deploy/organization/member-role.yaml) into every account of the given organizational units, and an
/// AWS::Config::OrganizationConformancePack deploys the organization variant of serverless-governance, whose
/// rules name the central account's functions; a second StackSet puts the deployment hook (deploy/organization/member-hook.yaml),
/// invoking the central cloudformation-hook function, into the same accounts.
/// </summary>
/// <remarks>
/// A rule function reports with PutEvaluations in the account that owns the rule, with that account's
/// credentials: the central functions assume the member role of the event's account (CONFIGRULES_MEMBER_ROLE_NAME).
/// </remarks>
public static class OrganizationBuilder
{
    public static YamlMap Build(string organizationPackBody)
    {
        var parameters = new YamlMap()
            .Add("MemberRoleTemplateUrl", new YamlMap().Add("Type", "String")
                .Add("Description", "HTTPS URL of the uploaded deploy/organization/member-role.yaml (https://BUCKET.s3.REGION.amazonaws.com/KEY).")
                .Add("AllowedPattern", "^https://.+$"))
            .Add(PackBuilder.CentralAccountIdParameter,
                CentralStackParameters.AccountId("The account whose deploy stack (OrganizationId set) runs the rule functions."))
            .Add(PackBuilder.FunctionNamePrefixParameter, CentralStackParameters.FunctionNamePrefix(CentralStackParameters.CentralPrefixDescription))
            .Add(OrganizationCentral.MemberRoleNameParameter,
                CentralStackParameters.MemberRoleName("MemberRoleName of the central deploy stack: the role created in every member account."))
            .Add("DeployMemberRoles", PackBuilder.StringParameter("true",
                "Create the member roles (StackSet). One role per account serves every region: false in the roll-outs of further regions.")
                .Add("AllowedValues", Cfn.List("true", "false")))
            .Add("MemberHookTemplateUrl", new YamlMap().Add("Type", "String")
                .Add("Description", "HTTPS URL of the uploaded deploy/organization/member-hook.yaml (https://BUCKET.s3.REGION.amazonaws.com/KEY).")
                .Add("AllowedPattern", "^https://.+$"))
            .Add("OrganizationalUnitIds", new YamlMap().Add("Type", "CommaDelimitedList")
                .Add("Description", "Organizational units (or the root id r-...) whose accounts get the member role and the deployment hook."))
            .Add("CallAs", PackBuilder.StringParameter("SELF", "SELF in the management account, DELEGATED_ADMIN in a delegated-administrator account.")
                .Add("AllowedValues", Cfn.List("SELF", "DELEGATED_ADMIN")))
            .Add("ExcludedAccounts", new YamlMap().Add("Type", "CommaDelimitedList").Add("Description",
                "Accounts (comma-separated) left out of the pack: at least the management account, where a service-managed StackSet puts no member role (unless it is the central account)."))
            .Add("OrganizationConformancePackName", PackBuilder.StringParameter("serverless-governance", "Name of the organization conformance pack."));
        HookResources.AddParameters(parameters);
        PackWiring.AddRuleParameters(parameters, withRemediation: false);

        var resources = new YamlMap()
            .Add("MemberRoles", MemberStackSet("DeployMemberRoles", "member-role",
                "The role the central ConfigRules rule functions assume in every member account.",
                "CAPABILITY_NAMED_IAM", "MemberRoleTemplateUrl",
                [PackBuilder.CentralAccountIdParameter, PackBuilder.FunctionNamePrefixParameter, OrganizationCentral.MemberRoleNameParameter],
                regionsComment: "IAM is global: one stack instance per account is enough."))
            .Add("MemberHooks", MemberHooks())
            .Add("OrganizationPack", new YamlMap()
                .Add("Type", "AWS::Config::OrganizationConformancePack")
                .Add("Properties", new YamlMap()
                    .Add("OrganizationConformancePackName", Cfn.Ref("OrganizationConformancePackName"))
                    .Add("TemplateBody", new YamlLiteral(organizationPackBody),
                        "deploy/organization/serverless-governance-organization-pack.yaml, embedded (generated; the tests check it is identical).")
                    .Add("ExcludedAccounts", Cfn.Ref("ExcludedAccounts"))
                    .Add("ConformancePackInputParameters", new YamlSequence([
                        PackWiring.Input(PackBuilder.CentralAccountIdParameter, Cfn.Ref(PackBuilder.CentralAccountIdParameter)),
                        PackWiring.Input(PackBuilder.FunctionNamePrefixParameter, Cfn.Ref(PackBuilder.FunctionNamePrefixParameter)),
                        .. PackWiring.RuleParameterInputs(withRemediation: false)]))));

        return new YamlMap()
            .Add("AWSTemplateFormatVersion", "2010-09-09")
            .Add("Description", "ConfigRules for an organization: the member role in every account (StackSet) and the organization conformance pack on the central functions.")
            .Add("Parameters", parameters)
            .Add("Conditions", new YamlMap()
                .Add("DeployMemberRoles", Cfn.Equals("true", Cfn.Ref("DeployMemberRoles")))
                .Add(HookResources.EnabledCondition, Cfn.Not(Cfn.Equals("DISABLED", Cfn.Ref(HookResources.ModeParameter)))))
            .Add("Resources", resources);
    }

    /// <summary>
    /// The deployment hook in every member account of the organizational units, on the central function: each
    /// region's roll-out puts it into that region (a hook invokes a function of its own region). DISABLED removes it.
    /// </summary>
    private static YamlMap MemberHooks() => MemberStackSet(HookResources.EnabledCondition, "member-hook",
        "The ConfigRules deployment hook in every member account, invoking the central cloudformation-hook function.",
        "CAPABILITY_IAM", "MemberHookTemplateUrl",
        [PackBuilder.CentralAccountIdParameter, PackBuilder.FunctionNamePrefixParameter, HookResources.ModeParameter]);

    /// <summary>
    /// A service-managed StackSet of one member template: a stack in every account of the organizational units (and
    /// in accounts that join them later), in this region, passing the roll-out's own values of the parameters named.
    /// </summary>
    private static YamlMap MemberStackSet(string condition, string nameSuffix, string description, string capability,
        string templateUrlParameter, IReadOnlyList<string> passedParameters, string? regionsComment = null) => new YamlMap()
        .Add("Type", "AWS::CloudFormation::StackSet")
        .Add("Condition", condition)
        .Add("Properties", new YamlMap()
            .Add("StackSetName", Cfn.Sub($"${{FunctionNamePrefix}}-{nameSuffix}"))
            .Add("Description", description)
            .Add("PermissionModel", "SERVICE_MANAGED")
            .Add("CallAs", Cfn.Ref("CallAs"))
            .Add("AutoDeployment", new YamlMap().Add("Enabled", true).Add("RetainStacksOnAccountRemoval", false))
            .Add("Capabilities", Cfn.List(capability))
            .Add("ManagedExecution", new YamlMap().Add("Active", true))
            .Add("OperationPreferences", new YamlMap().Add("FailureTolerancePercentage", 10).Add("MaxConcurrentPercentage", 25))
            .Add("TemplateURL", Cfn.Ref(templateUrlParameter))
            .Add("Parameters", new YamlSequence(passedParameters.Select(name =>
                (YamlNode)new YamlMap().Add("ParameterKey", name).Add("ParameterValue", Cfn.Ref(name)))))
            .Add("StackInstancesGroup", new YamlSequence(new YamlMap()
                .Add("DeploymentTargets", new YamlMap().Add("OrganizationalUnitIds", Cfn.Ref("OrganizationalUnitIds")))
                .Add("Regions", Cfn.List(Cfn.Ref("AWS::Region")), regionsComment))));
}
