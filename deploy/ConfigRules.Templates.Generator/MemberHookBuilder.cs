using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The deployment gate in every member account (deploy/organization/member-hook.yaml, deployed by the organization
/// roll-out's service-managed StackSet): an AWS::CloudFormation::LambdaHook invoking the CENTRAL cloudformation-hook
/// function, and an execution role that may invoke that one function and nothing else. One set of rules, parameters
/// and exemptions for the whole organization: the central function's.
/// </summary>
public static class MemberHookBuilder
{
    public static YamlMap Build()
    {
        var parameters = new YamlMap()
            .Add(PackBuilder.CentralAccountIdParameter,
                CentralStackParameters.AccountId("The account whose deploy stack (OrganizationId set) runs the cloudformation-hook function."))
            .Add(PackBuilder.FunctionNamePrefixParameter, CentralStackParameters.FunctionNamePrefix(CentralStackParameters.CentralPrefixDescription));
        HookResources.AddParameters(parameters);
        var conditions = new YamlMap();
        HookResources.AddConditions(conditions);

        var resources = new YamlMap()
            .Add(HookResources.HookRoleLogicalId, HookResources.ExecutionRole(CentralFunctionArn()))
            .Add(HookResources.HookLogicalId, HookResources.Hook(CentralFunctionArn(), stackFilters: null));

        return new YamlMap()
            .Add("AWSTemplateFormatVersion", "2010-09-09")
            .Add("Description", "ConfigRules member account: the deployment hook, judged by the central cloudformation-hook function.")
            .Add("Parameters", parameters)
            .Add("Conditions", conditions)
            .Add("Resources", resources)
            .Add("Outputs", new YamlMap().Add("DeploymentHookAlias", new YamlMap()
                .Add("Description", "The hook CloudFormation shows in stack events when it judges a deployment.").Add("Value", HookResources.Alias)));
    }

    /// <summary>The central function in this region: CloudFormation invokes a hook's function in the region of the stack operation.</summary>
    public static YamlNode CentralFunctionArn() =>
        Cfn.Sub($"arn:${{AWS::Partition}}:lambda:${{AWS::Region}}:${{{PackBuilder.CentralAccountIdParameter}}}:function:{Handlers.CloudFormationHook.FunctionNameTemplate}");
}
