using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The deploy stack as the central account of an organization (parameter OrganizationId set): the rule functions
/// evaluate every member account's resources. Config of a member account may invoke them; each rule function
/// role lives under a path the member roles trust, may assume the member role (its name in
/// CONFIGRULES_MEMBER_ROLE_NAME) of accounts of this organization only, and reports with it.
/// </summary>
public static class OrganizationCentral
{
    public const string OrganizationIdParameter = "OrganizationId";
    public const string MemberRoleNameParameter = "MemberRoleName";
    public const string Condition = "IsOrganizationCentral";
    public const string DefaultMemberRoleName = "config-rules-member";
    public const string MemberRoleVariable = "CONFIGRULES_MEMBER_ROLE_NAME";
    public const string AssumePolicyLogicalId = "AssumeMemberRolesPolicy";

    /// <summary>The IAM path of the rule function roles (a !Sub template): the member roles trust roles under it only.</summary>
    public const string RulesRolePath = "/${FunctionNamePrefix}-rules/";

    public static void AddParameters(YamlMap parameters) => parameters
        .Add(OrganizationIdParameter, PackBuilder.StringParameter("",
            "Organization id (o-...) when this account runs the rule functions for the whole organization (deploy/organization); empty: this account only.")
            .Add("AllowedPattern", "^(o-[a-z0-9]{10,32})?$"))
        .Add(MemberRoleNameParameter, CentralStackParameters.MemberRoleName(
            "With OrganizationId: the name of the role deploy/organization/member-role.yaml creates in every member account."));

    public static void AddCondition(YamlMap conditions) =>
        conditions.Add(Condition, Cfn.Not(Cfn.Equals("", Cfn.Ref(OrganizationIdParameter))));

    /// <summary>A rule function's variables: the member role's name, only in the central account.</summary>
    public static YamlMap RuleFunctionEnvironment() =>
        new YamlMap().Add(MemberRoleVariable, Cfn.If(Condition, Cfn.Ref(MemberRoleNameParameter), Cfn.NoValue));

    /// <summary>Set in every deploy stack, so that turning a stack into a central one does not replace the roles then.</summary>
    public static YamlNode RuleRolePath() => Cfn.Sub(RulesRolePath);

    /// <summary>The organization's invoke permission of each rule function and the AssumeRole policy of their roles.</summary>
    public static void AddResources(YamlMap resources)
    {
        foreach (var rule in Handlers.Rules)
            resources.Add(rule.Logical("OrganizationConfigPermission"), new YamlMap()
                .Add("Type", "AWS::Lambda::Permission")
                .Add("Condition", Condition)
                .Add("Properties", new YamlMap()
                    .Add("Action", "lambda:InvokeFunction")
                    .Add("FunctionName", Cfn.GetAtt(rule.Logical("Function"), "Arn"))
                    .Add("Principal", "config.amazonaws.com")
                    .Add("SourceArn", Cfn.Join("", Cfn.List("arn:", Cfn.Ref("AWS::Partition"), ":config:", Cfn.Ref("AWS::Region"), ":*:config-rule/*")),
                        "Config rules of the member accounts, in this region. A Lambda permission cannot carry aws:SourceOrgID\n" +
                        "(and aws:PrincipalOrgID never matches a service principal), so the organization is enforced where the\n" +
                        "function acts: it may assume only member roles of this organization (AssumeMemberRolesPolicy), and only\n" +
                        "with them can it read or report anything in another account.")));

        var statement = Cfn.Statement("AssumeMemberRolesOfThisOrganization", "Allow", null, Cfn.List("sts:AssumeRole"),
            Cfn.Sub($"arn:${{AWS::Partition}}:iam::*:role/${{{MemberRoleNameParameter}}}"),
            new YamlMap().Add("StringEquals", new YamlMap().Add("aws:ResourceOrgID", Cfn.Ref(OrganizationIdParameter))));
        resources.Add(AssumePolicyLogicalId, new YamlMap()
            .Add("Type", "AWS::IAM::Policy")
            .Add("Condition", Condition)
            .Add("Properties", new YamlMap()
                .Add("PolicyName", "assume-member-roles")
                .Add("PolicyDocument", new YamlMap().Add("Version", "2012-10-17").Add("Statement", new YamlSequence(statement)),
                    "Account \"*\" in the role ARN: the member role of any account; aws:ResourceOrgID keeps it to this organization's accounts.")
                .Add("Roles", new YamlSequence([.. Handlers.Rules.Append(Handlers.CloudFormationHook).Select(handler => (YamlNode)Cfn.Ref(handler.Logical("Role")))]),
                    "The rule functions, and the hook, which reads a member account's roles for that account's resource operations.")));
    }
}
