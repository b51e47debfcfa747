using System.Text.Json;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Templates.Tests;

/// <summary>The deployment hook in the deploy stack (contract 5): mode, targets, its own stack excluded, least privilege.</summary>
[TestFixture]
public class HookStackTests
{
    private static Dictionary<string, object?> Stack => CommittedTemplates.Load(TemplateSet.DeployStack);

    private static Dictionary<string, object?> Resource(string logicalId) => Stack.Map("Resources").Map(logicalId);

    [Test]
    public void The_mode_parameter_chooses_fail_warn_or_no_hook()
    {
        Stack.Map("Parameters").Map("DeploymentHookMode").List("AllowedValues").Should().Equal("FAIL", "WARN", "DISABLED");
        var hook = Resource(HookResources.HookLogicalId);
        hook.Str("Type").Should().Be("AWS::CloudFormation::LambdaHook");
        hook.Str("Condition").Should().Be(HookResources.EnabledCondition);
        hook.Map("Properties").Map("FailureMode").List("Fn::If").Should().Equal(HookResources.FailsCondition, "FAIL", "WARN");
    }

    [Test]
    public void The_hook_covers_the_rules_resource_types_on_every_target_and_never_its_own_stack()
    {
        var properties = Resource(HookResources.HookLogicalId).Map("Properties");
        properties.List("TargetOperations").Should().BeEquivalentTo(["RESOURCE", "STACK", "CHANGE_SET", "CLOUD_CONTROL"]);
        properties.Map("TargetFilters").List("TargetNames").Should().BeEquivalentTo(
            // The account (AWS::::Account) is no CloudFormation resource type: the hook never sees it; the account rule
            // judges what the template deploys of it instead (its TemplateResourceTypes: trails).
            RuleCatalog.Definitions.SelectMany(rule => rule.ResourceTypes.Concat(rule.TemplateResourceTypes)).Where(type => type != "AWS::::Account").Distinct());
        properties.Map("TargetFilters").List("TargetNames").Should().Contain("AWS::CloudTrail::Trail");
        properties.Map("TargetFilters").List("Actions").Should().BeEquivalentTo(["CREATE", "UPDATE"]);
        properties.Map("StackFilters").Map("StackNames").List("Exclude").Should().ContainSingle()
            .Which.Should().BeEquivalentTo(Cfn.Ref("AWS::StackName"));
        properties.Map("LambdaFunction").List("Fn::GetAtt").Should().Equal("CloudformationHookFunction", "Arn");
    }

    [Test]
    public void The_hook_execution_role_may_only_invoke_the_hook_function()
    {
        var statement = Resource(HookResources.HookRoleLogicalId).Map("Properties").List("Policies").Single()
            .Map("PolicyDocument").List("Statement").Single();
        statement.Get("Action").Should().BeEquivalentTo(new List<object?> { "lambda:InvokeFunction" });
        statement.Map("Resource").List("Fn::GetAtt").Should().Equal("CloudformationHookFunction", "Arn");
    }

    [Test]
    public void The_hook_function_answers_within_30_seconds_with_the_rules_of_the_pack_parameters()
    {
        var properties = Resource("CloudformationHookFunction").Map("Properties");
        properties.Str("Timeout").Should().Be("30");
        var rules = properties.Map("Environment").Map("Variables").Map("CONFIGRULES_RULES").Str("Fn::Sub")!;
        using var json = JsonDocument.Parse(rules);
        var parameters = Stack.Map("Parameters");
        // Every rule that judges something a template deploys (the account rule judges its trails).
        json.RootElement.TryGetProperty("cloudtrail-serverless-audit-check", out _).Should().BeTrue();
        foreach (var rule in RuleCatalog.Definitions.Where(rule => rule.ResourceTypes.Concat(rule.TemplateResourceTypes).Any(type => type != "AWS::::Account")))
        {
            var given = json.RootElement.GetProperty(rule.Id);
            foreach (var parameter in rule.Parameters)
            {
                var reference = given.GetProperty(parameter.Name).GetString()!;
                reference.Should().Be($"${{{Naming.PackParameter(rule, parameter)}}}", "one parameter moves the Config rule and the hook");
                parameters.Should().ContainKey(Naming.PackParameter(rule, parameter));
            }
        }
    }

    [Test]
    public void Every_member_account_gets_the_hook_on_the_central_function_by_stackset()
    {
        var rollout = CommittedTemplates.Load(TemplateSet.OrganizationRollout);
        rollout.Map("Parameters").Map("DeploymentHookMode").List("AllowedValues").Should().Equal("FAIL", "WARN", "DISABLED");
        var stackSet = rollout.Map("Resources").Map("MemberHooks");
        stackSet.Str("Type").Should().Be("AWS::CloudFormation::StackSet");
        stackSet.Str("Condition").Should().Be(HookResources.EnabledCondition, "DISABLED removes the hooks from the member accounts");
        var properties = stackSet.Map("Properties");
        properties.Str("PermissionModel").Should().Be("SERVICE_MANAGED");
        properties.Map("AutoDeployment").Str("Enabled").Should().Be("true", "an account joining the units gets the hook");
        properties.Get("TemplateURL").Should().BeEquivalentTo(Cfn.Ref("MemberHookTemplateUrl"));
        properties.List("Parameters").Select(parameter => parameter.Str("ParameterKey"))
            .Should().BeEquivalentTo(["CentralAccountId", "FunctionNamePrefix", "DeploymentHookMode"]);
        var members = properties.List("StackInstancesGroup").Single();
        members.Map("DeploymentTargets").Get("OrganizationalUnitIds").Should().BeEquivalentTo(Cfn.Ref("OrganizationalUnitIds"));
    }

    [Test]
    public void A_member_hook_invokes_the_central_function_with_a_role_that_may_invoke_nothing_else()
    {
        var template = CommittedTemplates.Load(TemplateSet.MemberHook);
        var centralFunction = "arn:${AWS::Partition}:lambda:${AWS::Region}:${CentralAccountId}:function:${FunctionNamePrefix}-cloudformation-hook";
        template.Map("Parameters").Map("DeploymentHookMode").List("AllowedValues").Should().Equal("FAIL", "WARN", "DISABLED");
        template.ResourcesOfType("AWS::Lambda::Function").Should().BeEmpty("the function runs in the central account only");

        var hook = template.Map("Resources").Map(HookResources.HookLogicalId);
        hook.Str("Type").Should().Be("AWS::CloudFormation::LambdaHook");
        hook.Str("Condition").Should().Be(HookResources.EnabledCondition);
        var properties = hook.Map("Properties");
        properties.Map("LambdaFunction").Str("Fn::Sub").Should().Be(centralFunction);
        properties.Map("FailureMode").List("Fn::If").Should().Equal(HookResources.FailsCondition, "FAIL", "WARN");
        properties.Map("TargetFilters").Should().BeEquivalentTo(Resource(HookResources.HookLogicalId).Map("Properties").Map("TargetFilters"),
            "members are judged on the same targets as the central account");
        properties.List("TargetOperations").Should().BeEquivalentTo(["RESOURCE", "STACK", "CHANGE_SET", "CLOUD_CONTROL"]);

        var role = template.Map("Resources").Map(HookResources.HookRoleLogicalId).Map("Properties");
        var trust = role.Map("AssumeRolePolicyDocument").List("Statement").Single();
        trust.Map("Principal").Str("Service").Should().Be("hooks.cloudformation.amazonaws.com");
        trust.Map("Condition").Map("StringEquals").Get("aws:SourceAccount").Should().BeEquivalentTo(Cfn.Ref("AWS::AccountId"));
        var statement = role.List("Policies").Single().Map("PolicyDocument").List("Statement").Single();
        statement.Get("Action").Should().BeEquivalentTo(new List<object?> { "lambda:InvokeFunction" });
        statement.Map("Resource").Str("Fn::Sub").Should().Be(centralFunction);
    }

    [Test]
    public void The_central_hook_reads_member_accounts_through_their_member_role()
    {
        var variables = Resource("CloudformationHookFunction").Map("Properties").Map("Environment").Map("Variables");
        variables.Map("CONFIGRULES_MEMBER_ROLE_NAME").List("Fn::If")
            .Should().BeEquivalentTo(new List<object?> { "IsOrganizationCentral", Cfn.Ref("MemberRoleName"), Cfn.Ref("AWS::NoValue") });
        Resource("CloudformationHookRole").Map("Properties").Map("Path").Str("Fn::Sub")
            .Should().Be("/${FunctionNamePrefix}-rules/", "the member roles trust this path");
        var permission = Resource(HookResources.OrganizationPermissionLogicalId);
        permission.Str("Condition").Should().Be("IsOrganizationCentral");
        permission.Map("Properties").Get("PrincipalOrgID").Should().BeEquivalentTo(Cfn.Ref("OrganizationId"));
    }
}
