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
}
