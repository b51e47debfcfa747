using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The role every member account holds for the central rule functions (deployed by the organization roll-out's
/// service-managed StackSet): trusted only by the rule function roles of the central account (their IAM path),
/// allowed the framework's Config actions and the rules' read actions from the catalog, nothing else.
/// </summary>
public static class MemberRoleBuilder
{
    public const string RoleLogicalId = "MemberRole";

    public static YamlMap Build()
    {
        var parameters = new YamlMap()
            .Add(PackBuilder.CentralAccountIdParameter,
                CentralStackParameters.AccountId("The account that runs the rule functions (the deploy stack with OrganizationId set)."))
            .Add(PackBuilder.FunctionNamePrefixParameter, CentralStackParameters.FunctionNamePrefix(CentralStackParameters.CentralPrefixDescription))
            .Add(OrganizationCentral.MemberRoleNameParameter,
                CentralStackParameters.MemberRoleName("Name of this role: MemberRoleName of the central deploy stack."));

        var trust = Cfn.PolicyDocument(new YamlMap()
            .Add("Sid", "CentralRuleFunctionsOnly")
            .Add("Effect", "Allow")
            .Add("Principal", new YamlMap().Add("AWS", Cfn.Sub($"arn:${{AWS::Partition}}:iam::${{{PackBuilder.CentralAccountIdParameter}}}:root")))
            .Add("Action", "sts:AssumeRole")
            .Add("Condition", new YamlMap().Add("ArnLike", new YamlMap().Add("aws:PrincipalArn",
                Cfn.Sub($"arn:${{AWS::Partition}}:iam::${{{PackBuilder.CentralAccountIdParameter}}}:role{OrganizationCentral.RulesRolePath}*"))),
                "Only the rule function roles, which the central stack puts under this path; not the account's other principals."));

        var actions = Handlers.Rules.SelectMany(rule => rule.IamActions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var statements = new YamlSequence(RolePolicies.ScopedStatements(actions, regionPattern: "*"));

        var role = new YamlMap()
            .Add("Type", "AWS::IAM::Role")
            .Add("Properties", new YamlMap()
                .Add("RoleName", Cfn.Ref(OrganizationCentral.MemberRoleNameParameter))
                .Add("Description", "Assumed by the central ConfigRules rule functions: reads what the rules read, reports evaluations.")
                .Add("MaxSessionDuration", 3600)
                .Add("AssumeRolePolicyDocument", trust)
                .Add("Policies", new YamlSequence(new YamlMap()
                    .Add("PolicyName", "config-rules-evaluations")
                    .Add("PolicyDocument", new YamlMap().Add("Version", "2012-10-17").Add("Statement", statements),
                        "Region \"*\" in scoped ARNs: IAM is global, and one role serves the central functions of every region."))));

        return new YamlMap()
            .Add("AWSTemplateFormatVersion", "2010-09-09")
            .Add("Description", "ConfigRules member account: the role the central rule functions assume to read resources and report evaluations here.")
            .Add("Parameters", parameters)
            .Add("Resources", new YamlMap().Add(RoleLogicalId, role))
            .Add("Outputs", new YamlMap().Add("MemberRoleArn", new YamlMap()
                .Add("Description", "The role the central rule functions assume.").Add("Value", Cfn.GetAtt(RoleLogicalId, "Arn"))));
    }
}
