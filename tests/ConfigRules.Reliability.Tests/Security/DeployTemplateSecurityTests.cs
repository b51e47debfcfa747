using ConfigRules.Rules;
using FluentAssertions;
using FluentAssertions.Execution;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.Security;

/// <summary>
/// Least privilege in the deploy templates, beyond what the template tests check (no Action "*", justified
/// Resource "*", SourceAccount on invoke permissions, the topic keys and publishers): what rule functions may
/// change, who may use the key and the topics, and that no role can hand its rights on.
/// </summary>
public class DeployTemplateSecurityTests
{
    private const string Stack = "deploy/config-rules-stack.yaml";
    private const string MemberRole = "deploy/organization/member-role.yaml";
    public static readonly string[] Templates = [Stack, "deploy/organization/organization-rollout.yaml", MemberRole];

    /// <summary>Verbs of the actions that change something (rather than read it).</summary>
    private static readonly string[] WriteVerbs = ["Put", "Create", "Update", "Delete", "Attach", "Detach", "Pass", "Tag", "Untag", "Set", "Start", "Stop", "Invoke", "Publish", "Add", "Remove", "Enable", "Disable", "PATCH", "PUT", "POST", "DELETE", "Encrypt", "GenerateDataKey", "Decrypt"];

    private static IEnumerable<(string Path, Dictionary<string, object?> Statement)> Statements(Dictionary<string, object?> template) =>
        CfnTemplate.Walk(template).Where(s => s.Path.EndsWith("/Statement", StringComparison.Ordinal) && s.Node is List<object?>)
            .SelectMany(s => ((List<object?>)s.Node!).OfType<Dictionary<string, object?>>().Select(statement => (s.Path, statement)));

    private static IEnumerable<string> Actions(Dictionary<string, object?> statement) => CfnTemplate.AsList(statement.GetValueOrDefault("Action")).OfType<string>();

    [TestCaseSource(nameof(Templates))]
    public void Only_the_account_root_in_a_key_policy_gets_a_whole_service_and_no_one_may_pass_a_role(string template)
    {
        using var scope = new AssertionScope();
        foreach (var (path, statement) in Statements(CfnTemplate.Load(template)))
        {
            foreach (var action in Actions(statement))
            {
                action.Should().NotBe("iam:PassRole", $"{path}: no role may hand its rights to another service");
                if (action.EndsWith(":*", StringComparison.Ordinal))
                {
                    path.Should().Contain("/KeyPolicy/", $"{action} is only the key's own administration");
                    statement.Map("Principal")!["AWS"].Should().BeOfType<Dictionary<string, object?>>()
                        .Which["Fn::Sub"].Should().Be("arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
                }
            }
        }
    }

    [TestCaseSource(nameof(Templates))]
    public void Resource_policies_allow_services_only_on_behalf_of_this_account_and_never_anyone(string template)
    {
        using var scope = new AssertionScope();
        foreach (var (path, statement) in Statements(CfnTemplate.Load(template)).Where(s => !s.Path.Contains("/AssumeRolePolicyDocument/", StringComparison.Ordinal)))
        {
            if ((string?)statement.GetValueOrDefault("Effect") != "Allow" || statement.Map("Principal") is not { } principal) continue;
            principal.GetValueOrDefault("AWS").Should().NotBe("*", $"{path} allows everyone");
            if (principal.TryGetValue("Service", out var service))
            {
                var condition = statement.Map("Condition");
                condition.Should().NotBeNull($"{path}: a service acting for another account is a confused deputy");
                var bound = condition!.Values.OfType<Dictionary<string, object?>>().Any(c => c.ContainsKey("aws:SourceAccount") || c.ContainsKey("aws:SourceArn"));
                bound.Should().BeTrue($"{path} binds {service} to this account with aws:SourceAccount or aws:SourceArn");
            }
        }
    }

    [Test]
    public void Roles_carry_only_their_own_inline_policies()
    {
        foreach (var (logicalId, role) in CfnTemplate.Load(Stack).Resources("AWS::IAM::Role"))
            role.Map("Properties")!.Should().NotContainKey("ManagedPolicyArns", $"{logicalId}: a managed policy brings rights the catalog did not ask for");
    }

    [Test]
    public void Rule_functions_may_change_nothing_but_their_evaluations_and_their_own_logs()
    {
        var template = CfnTemplate.Load(Stack);
        var roles = template.Resources("AWS::IAM::Role").ToDictionary(r => r.LogicalId, r => r.Resource, StringComparer.Ordinal);
        var ruleIds = RuleCatalog.Definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var ruleFunctions = template.Resources("AWS::Lambda::Function").Where(f => ruleIds.Contains((string)f.Resource.Map("Properties")!["Handler"]!)).ToList();
        ruleFunctions.Should().HaveCount(ruleIds.Count);

        using var scope = new AssertionScope();
        foreach (var (logicalId, function) in ruleFunctions)
        {
            var roleId = (string)((List<object?>)function.Map("Properties")!.Map("Role")!["Fn::GetAtt"]!)[0]!;
            var writes = Statements(roles[roleId]).SelectMany(s => Actions(s.Statement))
                .Where(action => WriteVerbs.Any(verb => action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..].StartsWith(verb, StringComparison.Ordinal)))
                .ToHashSet(StringComparer.Ordinal);
            writes.Should().BeSubsetOf(["config:PutEvaluations", "logs:CreateLogStream", "logs:PutLogEvents"],
                $"{logicalId} judges resources; whoever controls what it reads (a function's configuration, tags, a template) gains no right to change anything through it");
        }
    }

    [Test]
    public void The_member_role_of_the_central_functions_may_change_nothing_but_evaluations()
    {
        var writes = Statements(CfnTemplate.Load(MemberRole)).SelectMany(s => Actions(s.Statement))
            .Where(action => WriteVerbs.Any(verb => action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..].StartsWith(verb, StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
        writes.Should().BeEquivalentTo(["config:PutEvaluations"],
            "whoever controls what a rule reads in a member account gains no right to change anything there through the central functions");
    }

    [Test]
    public void Only_the_remediation_role_may_change_api_gateway_and_only_rest_apis_of_its_region()
    {
        var template = CfnTemplate.Load(Stack);
        using var scope = new AssertionScope();
        foreach (var (logicalId, role) in template.Resources("AWS::IAM::Role"))
        {
            foreach (var (_, statement) in Statements(role))
            {
                var apiGateway = Actions(statement).Where(a => a.StartsWith("apigateway:", StringComparison.Ordinal) && a != "apigateway:GET").ToList();
                if (apiGateway.Count == 0) continue;
                logicalId.Should().Be("ApiGatewayEndpointRemediationRole");
                var resource = CfnTemplate.AsList(statement["Resource"]).Single().Should().BeOfType<Dictionary<string, object?>>().Subject;
                ((string)resource["Fn::Sub"]!).Should().Be("arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/*");
            }
        }
    }

    [Test]
    public void The_remediation_function_is_invoked_by_its_automation_role_and_by_no_resource_policy_principal_but_events_of_this_account()
    {
        var template = CfnTemplate.Load(Stack);
        foreach (var (logicalId, permission) in template.Resources("AWS::Lambda::Permission"))
        {
            var properties = permission.Map("Properties")!;
            var target = properties["FunctionName"] as Dictionary<string, object?>;
            var functionId = target is null ? null : (string?)((List<object?>)target["Fn::GetAtt"]!)[0];
            if (functionId != "ApiGatewayEndpointRemediationFunction") continue;
            ((string?)properties["Principal"]).Should().Be("events.amazonaws.com", $"{logicalId}: only the CloudTrail fast path of this account");
            properties.Should().ContainKey("SourceArn");
        }
    }
}
