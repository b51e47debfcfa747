using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Templates.Tests;

/// <summary>Least privilege in the deploy templates: what each principal may do, and to what.</summary>
public partial class SecurityTests
{
    public static IEnumerable<string> Stacks => CommittedTemplates.Stacks;

    private static Dictionary<string, object?> Stack => CommittedTemplates.Load(TemplateSet.DeployStack);

    private static IEnumerable<Dictionary<string, object?>> Statements(Dictionary<string, object?> template) =>
        Cfn.Walk(template).Where(step => step.Path.EndsWith("/Statement", StringComparison.Ordinal) && step.Node is List<object?>)
            .SelectMany(step => ((List<object?>)step.Node!).Cast<Dictionary<string, object?>>());

    [TestCaseSource(nameof(Stacks))]
    public void No_statement_allows_every_action(string stack)
    {
        foreach (var statement in Statements(CommittedTemplates.Load(stack)))
            Cfn.AsList(statement.Get("Action")).Should().NotContain("*");
    }

    [Test]
    public void Function_roles_name_each_action_and_never_a_whole_service()
    {
        foreach (var (logicalId, role) in Stack.ResourcesOfType("AWS::IAM::Role"))
        {
            foreach (var statement in role.Map("Properties").List("Policies").SelectMany(policy => policy.Map("PolicyDocument").List("Statement")).Cast<Dictionary<string, object?>>())
            {
                foreach (var action in Cfn.AsList(statement.Get("Action")).OfType<string>())
                    action.Should().MatchRegex("^[a-z0-9-]+:[A-Za-z]+\\*?$", $"{logicalId} names actions").And.NotEndWith(":*");
                statement.Str("Effect").Should().Be("Allow");
            }
        }
    }

    [Test]
    public void Execution_roles_trust_only_lambda_the_automation_role_only_ssm_and_the_hook_role_only_hooks_of_this_account()
    {
        foreach (var (logicalId, role) in Stack.ResourcesOfType("AWS::IAM::Role"))
        {
            var trust = role.Map("Properties").Map("AssumeRolePolicyDocument").List("Statement").Single();
            var service = trust.Map("Principal").Str("Service");
            if (logicalId == "RemediationAutomationRole")
            {
                service.Should().Be("ssm.amazonaws.com");
                trust.Map("Condition").Map("StringEquals").Get("aws:SourceAccount").Should().BeEquivalentTo(Cfn.Ref("AWS::AccountId"));
            }
            else if (logicalId == HookResources.HookRoleLogicalId)
            {
                service.Should().Be("hooks.cloudformation.amazonaws.com");
                trust.Map("Condition").Map("StringEquals").Get("aws:SourceAccount").Should().BeEquivalentTo(Cfn.Ref("AWS::AccountId"));
            }
            else
            {
                service.Should().Be("lambda.amazonaws.com");
            }
        }
    }

    [TestCaseSource(nameof(Stacks))]
    public void Every_resource_star_is_justified_in_a_comment_naming_the_api(string stack)
    {
        var template = CommittedTemplates.Load(stack);
        var unscoped = Statements(template).Where(statement => Cfn.AsList(statement.Get("Resource")).Contains("*")).ToList();
        var lines = CommittedTemplates.Text(stack).Split('\n');
        var starLines = Enumerable.Range(0, lines.Length).Where(i => lines[i].Trim() == "Resource: \"*\"").ToList();
        starLines.Should().HaveCount(unscoped.Count, "every \"*\" is written as a single Resource: \"*\" line that can carry its comment");

        for (var n = 0; n < starLines.Count; n++)
        {
            var comment = CommentAbove(lines, starLines[n]);
            comment.Should().NotBeEmpty($"line {starLines[n] + 1} of {stack} needs a justification");
            ApiName().IsMatch(comment).Should().BeTrue($"the comment above line {starLines[n] + 1} names the API that requires \"*\"");
            var isKeyPolicy = comment.Contains("key policy", StringComparison.Ordinal);
            if (!isKeyPolicy)
                foreach (var action in Cfn.AsList(unscoped[n].Get("Action")).OfType<string>())
                    comment.Should().Contain(action, $"each action granted on \"*\" is justified (line {starLines[n] + 1})");
        }
    }

    [TestCaseSource(nameof(Stacks))]
    public void Invoke_permissions_are_bound_to_this_account_and_event_rules_to_their_rule(string stack)
    {
        foreach (var (logicalId, permission) in CommittedTemplates.Load(stack).ResourcesOfType("AWS::Lambda::Permission"))
        {
            var properties = permission.Map("Properties");
            if (logicalId == HookResources.OrganizationPermissionLogicalId)
            {
                // The member accounts' hook execution roles: any principal, but of this organization only.
                permission.Str("Condition").Should().Be("IsOrganizationCentral");
                properties.Str("Principal").Should().Be("*");
                properties.Get("PrincipalOrgID").Should().BeEquivalentTo(Cfn.Ref("OrganizationId"), $"{logicalId} admits this organization only");
                properties.Map("FunctionName").List("Fn::GetAtt")[0].Should().Be("CloudformationHookFunction", "only the hook function is open to the organization");
                continue;
            }
            properties.Str("Principal").Should().BeOneOf("config.amazonaws.com", "events.amazonaws.com");
            if (permission.Str("Condition") == "IsOrganizationCentral")
            {
                // Member accounts' Config: bound to config rules; the organization is enforced by the AssumeRole condition.
                properties.Str("Principal").Should().Be("config.amazonaws.com");
                properties.Map("SourceArn").List("Fn::Join")[1].Should().BeEquivalentTo(
                    new List<object?> { "arn:", Cfn.Ref("AWS::Partition"), ":config:", Cfn.Ref("AWS::Region"), ":*:config-rule/*" });
                var assume = CommittedTemplates.Load(stack).Map("Resources").Map("AssumeMemberRolesPolicy");
                assume.Map("Properties").Map("PolicyDocument").List("Statement").Single().Map("Condition").Map("StringEquals")
                    .Get("aws:ResourceOrgID").Should().BeEquivalentTo(Cfn.Ref("OrganizationId"), $"{logicalId}: the functions act only in accounts of the organization");
                continue;
            }
            properties.Get("SourceAccount").Should().BeEquivalentTo(Cfn.Ref("AWS::AccountId"), $"{logicalId} is bound to this account");
            if (properties.Str("Principal") == "events.amazonaws.com")
                properties.Map("SourceArn").List("Fn::GetAtt")[1].Should().Be("Arn", $"{logicalId} admits one EventBridge rule");
        }
    }

    [Test]
    public void Topics_are_encrypted_with_the_stack_key_which_rotates()
    {
        var topics = Stack.ResourcesOfType("AWS::SNS::Topic").ToList();
        topics.Should().HaveCount(2);
        foreach (var (_, topic) in topics)
            topic.Map("Properties").Get("KmsMasterKeyId").Should().BeEquivalentTo(
                new Dictionary<string, object?> { ["Fn::GetAtt"] = new List<object?> { "NotificationKey", "Arn" } });
        Stack.Map("Resources").Map("NotificationKey").Map("Properties").Str("EnableKeyRotation").Should().Be("true");
    }

    [Test]
    public void Only_the_notifier_role_may_publish_violation_notices()
    {
        var statements = Stack.Map("Resources").Map("ViolationsTopicPolicy").Map("Properties").Map("PolicyDocument").List("Statement")
            .Cast<Dictionary<string, object?>>().ToList();
        var notifierRole = new Dictionary<string, object?> { ["Fn::GetAtt"] = new List<object?> { "ComplianceNotifierRole", "Arn" } };
        var allows = statements.Where(statement => statement.Str("Effect") == "Allow").ToList();
        allows.Should().ContainSingle();
        allows[0].Map("Principal").Get("AWS").Should().BeEquivalentTo(notifierRole);
        var denyOthers = statements.Single(statement => statement.Str("Sid") == "NoOtherPublisher");
        denyOthers.Str("Effect").Should().Be("Deny");
        denyOthers.Map("Condition").Map("ArnNotEquals").Get("aws:PrincipalArn").Should().BeEquivalentTo(notifierRole);
        statements.Should().Contain(statement => statement.Str("Sid") == "TlsOnly" && statement.Str("Effect") == "Deny");
    }

    [Test]
    public void Only_cloudwatch_alarms_of_this_account_may_publish_to_the_operations_topic()
    {
        var statements = Stack.Map("Resources").Map("OperationsTopicPolicy").Map("Properties").Map("PolicyDocument").List("Statement")
            .Cast<Dictionary<string, object?>>().ToList();
        var allow = statements.Single(statement => statement.Str("Effect") == "Allow");
        allow.Map("Principal").Str("Service").Should().Be("cloudwatch.amazonaws.com");
        allow.Map("Condition").Map("StringEquals").Get("aws:SourceAccount").Should().BeEquivalentTo(Cfn.Ref("AWS::AccountId"));
    }

    [Test]
    public void The_remediation_payload_takes_only_values_that_cannot_break_out_of_its_json_strings()
    {
        var parameters = Stack.Map("Resources").Map("EndpointRemediationDocument").Map("Properties").Map("Content").Map("parameters");
        foreach (var name in new[] { "RestApiId", "VpcEndpointIds" })
        {
            var pattern = new Regex(parameters.Map(name).Str("allowedPattern")!, RegexOptions.None, TimeSpan.FromSeconds(1));
            pattern.IsMatch("abc\",\"x\":\"y").Should().BeFalse($"{name} admits no quote");
            pattern.IsMatch("a\\b").Should().BeFalse($"{name} admits no backslash");
        }
    }

    private static string CommentAbove(string[] lines, int index)
    {
        var comment = new List<string>();
        for (var i = index - 1; i >= 0 && lines[i].TrimStart().StartsWith('#'); i--) comment.Insert(0, lines[i].Trim());
        return string.Join("\n", comment);
    }

    [GeneratedRegex("[a-z0-9]+:[A-Z][A-Za-z]+")]
    private static partial Regex ApiName();
}
