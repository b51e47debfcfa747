using System.Text.Json;
using ConfigRules.Framework.Rules;
using ConfigRules.Handlers.CloudFormationHook;
using ConfigRules.Rules;
using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The deployment gate: the cloudformation-hook function and the <c>AWS::CloudFormation::LambdaHook</c> that
/// calls it before CloudFormation creates or updates what the rules cover. Its <c>CONFIGRULES_RULES</c> is built
/// from the same pack parameters as the Config rules, so one parameter change moves both.
/// </summary>
public static class HookResources
{
    public const string ModeParameter = "DeploymentHookMode";
    public const string HookLogicalId = "DeploymentHook";
    public const string HookRoleLogicalId = "DeploymentHookExecutionRole";
    public const string EnabledCondition = "DeploymentHookEnabled";
    public const string FailsCondition = "DeploymentHookFails";

    /// <summary>The hook answers within CloudFormation's 30 seconds.</summary>
    public const long Timeout = 30;

    /// <summary>What the hook is shown to every stack operation of the account as.</summary>
    public const string Alias = "Private::ConfigRules::DeploymentHook";

    public static void AddParameters(YamlMap parameters) =>
        parameters.Add(ModeParameter, PackBuilder.StringParameter("WARN",
                "The rules at deployment: FAIL stops a stack operation with a NON_COMPLIANT resource, WARN lets it proceed with the findings shown, DISABLED turns the hook off. Roll out in WARN, then FAIL.")
            .Add("AllowedValues", Cfn.List("FAIL", "WARN", "DISABLED")));

    public static void AddConditions(YamlMap conditions) =>
        conditions
            .Add(EnabledCondition, Cfn.Not(Cfn.Equals("DISABLED", Cfn.Ref(ModeParameter))))
            .Add(FailsCondition, Cfn.Equals("FAIL", Cfn.Ref(ModeParameter)));

    public static void Add(YamlMap resources)
    {
        var environment = ExemptionsResources.WithVariable(new YamlMap()
            .Add("CONFIGRULES_RULES", Cfn.Sub(RulesJson()))
            .Add(OrganizationCentral.MemberRoleVariable, Cfn.If(OrganizationCentral.Condition, Cfn.Ref(OrganizationCentral.MemberRoleNameParameter), Cfn.NoValue),
                "A member account's role ARN is read in that account, through its member role (the organization roll-out)."));
        // Under the rule functions' path: the member roles trust the central roles under it only.
        FunctionResources.Add(resources, Handlers.CloudFormationHook, environment, [], OrganizationCentral.RuleRolePath(), timeout: Timeout);

        resources.Add(HookRoleLogicalId, ExecutionRole(Cfn.GetAtt(Handlers.CloudFormationHook.Logical("Function"), "Arn")));
        resources.Add(HookLogicalId, Hook(Cfn.GetAtt(Handlers.CloudFormationHook.Logical("Function"), "Arn"), new YamlMap()
            .Add("FilteringCriteria", "ALL")
            .Add("StackNames", new YamlMap().Add("Exclude", Cfn.List(Cfn.Ref("AWS::StackName"))),
                "This stack itself is never judged: an update of the hook must not be stopped by the hook.")));

        resources.Add(OrganizationPermissionLogicalId, new YamlMap()
            .Add("Type", "AWS::Lambda::Permission")
            .Add("Condition", OrganizationCentral.Condition)
            .Add("Properties", new YamlMap()
                .Add("Action", "lambda:InvokeFunction")
                .Add("FunctionName", Cfn.GetAtt(Handlers.CloudFormationHook.Logical("Function"), "Arn"))
                .Add("Principal", "*", "The hook execution roles of the member accounts (deploy/organization/member-hook.yaml); their\n" +
                    "names are not known here, and a Lambda permission takes no wildcard principal: PrincipalOrgID keeps it to this organization.")
                .Add("PrincipalOrgID", Cfn.Ref(OrganizationCentral.OrganizationIdParameter))));
    }

    public const string OrganizationPermissionLogicalId = "CloudformationHookOrganizationPermission";

    /// <summary>The role CloudFormation's hooks service assumes to invoke <paramref name="functionArn"/>, and nothing else, for this account only.</summary>
    public static YamlMap ExecutionRole(YamlNode functionArn) => new YamlMap()
        .Add("Type", "AWS::IAM::Role")
        .Add("Properties", new YamlMap()
            .Add("Description", "Assumed by CloudFormation's hooks service to invoke the cloudformation-hook function, and nothing else.")
            .Add("AssumeRolePolicyDocument", Cfn.PolicyDocument(new YamlMap()
                .Add("Effect", "Allow")
                .Add("Principal", new YamlMap().Add("Service", "hooks.cloudformation.amazonaws.com"))
                .Add("Action", "sts:AssumeRole")
                .Add("Condition", new YamlMap().Add("StringEquals", new YamlMap().Add("aws:SourceAccount", Cfn.AccountId)))))
            .Add("Policies", new YamlSequence(new YamlMap()
                .Add("PolicyName", "invoke-cloudformation-hook")
                .Add("PolicyDocument", Cfn.PolicyDocument(Cfn.Statement("InvokeTheHookFunctionOnly", "Allow", null,
                    Cfn.List("lambda:InvokeFunction"), functionArn))))));

    /// <summary>The LambdaHook on <paramref name="functionArn"/>: the covered types, CREATE and UPDATE before provisioning, FAIL or WARN by the mode.</summary>
    public static YamlMap Hook(YamlNode functionArn, YamlMap? stackFilters)
    {
        var properties = new YamlMap()
            .Add("Alias", Alias)
            .Add("LambdaFunction", functionArn)
            .Add("ExecutionRole", Cfn.GetAtt(HookRoleLogicalId, "Arn"))
            .Add("FailureMode", Cfn.If(FailsCondition, "FAIL", "WARN"))
            .Add("HookStatus", "ENABLED")
            .Add("TargetOperations", Cfn.List("RESOURCE", "STACK", "CHANGE_SET", "CLOUD_CONTROL"))
            .Add("TargetFilters", new YamlMap()
                .Add("Actions", Cfn.List("CREATE", "UPDATE"), "Deletions are never judged.")
                .Add("InvocationPoints", Cfn.List("PRE_PROVISION"))
                .Add("TargetNames", new YamlSequence(CoveredTypes().Select(type => (YamlNode)type)),
                    "The resource types the rules cover, which is what resource operations are filtered by. A STACK or\n" +
                    "CHANGE_SET request carries a whole template: the hook judges only the covered resources in it (docs/hook.md)."));
        if (stackFilters is not null) properties.Add("StackFilters", stackFilters);
        return new YamlMap()
            .Add("Type", "AWS::CloudFormation::LambdaHook")
            .Add("Condition", EnabledCondition)
            .Add("Properties", properties);
    }

    /// <summary>The live lookups' actions (a role ARN is read from IAM for resource operations), nothing of Config.</summary>
    public static IReadOnlyList<string> IamActions { get; } =
        [.. RuleCatalog.Definitions.SelectMany(rule => rule.Lookups).SelectMany(lookup => lookup.IamActions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The resource types rules judge in templates: their own and their template types (a trail, for the account rule).</summary>
    public static IReadOnlyList<string> CoveredTypes() =>
        [.. RuleCatalog.Definitions.SelectMany(TemplateTypes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> TemplateTypes(RuleDefinition rule) =>
        rule.ResourceTypes.Concat(rule.TemplateResourceTypes).Where(type => type != "AWS::::Account");

    /// <summary>
    /// <c>{"rule-id": {"parameter": "${PackParameter}"}, ...}</c> for !Sub: every rule with every pack parameter,
    /// written by the hook's own serializer. An empty pack parameter reaches the rule as empty text, which it reads
    /// as "not given", as the pack does.
    /// </summary>
    private static string RulesJson()
    {
        var rules = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var rule in RuleCatalog.Definitions.Where(rule => TemplateTypes(rule).Any()))
            rules[rule.Id] = rule.Parameters.ToDictionary(parameter => parameter.Name, parameter => $"${{{Naming.PackParameter(rule, parameter)}}}", StringComparer.Ordinal);
        return JsonSerializer.Serialize(rules, HookJsonContext.Default.DictionaryStringDictionaryStringString);
    }
}
