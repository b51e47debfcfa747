using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Templates.Tests;

/// <summary>The deploy stack against the catalog and the contract: one function per handler, wired up.</summary>
public class DeployStackTests
{
    private static readonly string[] Handlers =
    [
        .. RuleCatalog.Definitions.Select(rule => rule.Id), "compliance-notifier", "api-gateway-endpoint-remediation", "cloudformation-hook",
    ];

    private static Dictionary<string, object?> Stack => CommittedTemplates.Load(TemplateSet.DeployStack);

    private static Dictionary<string, object?> Resource(string logicalId) => Stack.Map("Resources").Map(logicalId);

    [Test]
    public void Has_one_provided_al2023_function_per_handler_with_the_handler_id_on_the_chosen_architecture()
    {
        var functions = Stack.ResourcesOfType("AWS::Lambda::Function").ToList();
        functions.Select(function => function.Value.Map("Properties").Str("Handler")).Should().BeEquivalentTo(Handlers);
        foreach (var (logicalId, function) in functions)
        {
            var properties = function.Map("Properties");
            logicalId.Should().Be(Naming.Pascal(properties.Str("Handler")!) + "Function");
            properties.Str("Runtime").Should().Be("provided.al2023");
            properties.List("Architectures").Should().ContainSingle().Which.Should().BeEquivalentTo(Cfn.Ref("Architecture"));
            properties.Map("Code").Get("S3Bucket").Should().BeEquivalentTo(Cfn.Ref("CodeS3Bucket"));
            properties.Map("Code").Map("S3Key").List("Fn::If").Should().BeEquivalentTo(new List<object?> { "IsArm64", Cfn.Ref("CodeS3KeyArm64"), Cfn.Ref("CodeS3Key") });
            properties.Map("FunctionName").Str("Fn::Sub").Should().Be($"${{FunctionNamePrefix}}-{properties.Str("Handler")}");
            int.Parse(properties.Str("Timeout")!, System.Globalization.CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(300, "our own functions pass lambda-timeout-check's default");
        }
    }

    [TestCaseSource(nameof(Handlers))]
    public void Each_function_has_its_own_role_with_exactly_the_catalog_actions_and_its_own_log_group(string handler)
    {
        var name = Naming.Pascal(handler);
        Resource(name + "Function").Map("Properties").Get("Role").Should().BeEquivalentTo(
            new Dictionary<string, object?> { ["Fn::GetAtt"] = new List<object?> { name + "Role", "Arn" } });
        var statements = Resource(name + "Role").Map("Properties").List("Policies")
            .SelectMany(policy => policy.Map("PolicyDocument").List("Statement")).ToList();

        var expected = handler switch
        {
            "compliance-notifier" => ["sns:Publish", "kms:Decrypt", "kms:GenerateDataKey"],
            "api-gateway-endpoint-remediation" => IamActionScopes.EndpointRemediationActions,
            // The hook makes the rules' live lookups for resource operations, and calls nothing of Config.
            "cloudformation-hook" => RuleCatalog.Definitions.SelectMany(rule => rule.Lookups).SelectMany(lookup => lookup.IamActions).Distinct().ToList(),
            _ => RuleCatalog.FindDefinition(handler)!.RequiredIamActions,
        };
        var granted = statements.SelectMany(statement => Cfn.AsList(statement.Get("Action"))).OfType<string>().ToList();
        granted.Should().BeEquivalentTo(["logs:CreateLogStream", "logs:PutLogEvents", .. expected], "the role holds what the handler calls and nothing else");

        var logs = statements.Single(statement => Cfn.AsList(statement.Get("Action")).Contains("logs:PutLogEvents"));
        logs.Get("Resource").Should().BeEquivalentTo(new Dictionary<string, object?> { ["Fn::GetAtt"] = new List<object?> { name + "LogGroup", "Arn" } });
        var logGroup = Resource(name + "LogGroup").Map("Properties");
        logGroup.Map("LogGroupName").Str("Fn::Sub").Should().Be($"/aws/lambda/${{FunctionNamePrefix}}-{handler}");
        logGroup.Get("RetentionInDays").Should().BeEquivalentTo(Cfn.Ref("LogRetentionInDays"));
    }

    [Test]
    public void Every_rule_function_may_be_invoked_by_config_of_this_account_and_only_as_a_central_account_by_member_accounts()
    {
        var permissions = Stack.ResourcesOfType("AWS::Lambda::Permission")
            .Where(permission => permission.Value.Map("Properties").Str("Principal") == "config.amazonaws.com").ToList();
        permissions.Should().HaveCount(2 * RuleCatalog.Definitions.Count);
        permissions.Where(permission => permission.Value.Str("Condition") is null).Should().HaveCount(RuleCatalog.Definitions.Count);
        foreach (var rule in RuleCatalog.Definitions)
        {
            var properties = Resource(Naming.Pascal(rule.Id) + "ConfigPermission").Map("Properties");
            properties.Str("Action").Should().Be("lambda:InvokeFunction");
            properties.Get("SourceAccount").Should().BeEquivalentTo(Cfn.Ref("AWS::AccountId"));
            properties.Map("FunctionName").List("Fn::GetAtt")[0].Should().Be(Naming.Pascal(rule.Id) + "Function");

            var organization = Resource(Naming.Pascal(rule.Id) + "OrganizationConfigPermission");
            organization.Str("Condition").Should().Be("IsOrganizationCentral", "member accounts' Config may invoke only a central account's functions");
            organization.Map("Properties").Map("SourceArn").List("Fn::Join")[1].Should().BeEquivalentTo(
                new List<object?> { "arn:", Cfn.Ref("AWS::Partition"), ":config:", Cfn.Ref("AWS::Region"), ":*:config-rule/*" });
            organization.Map("Properties").Map("FunctionName").List("Fn::GetAtt")[0].Should().Be(Naming.Pascal(rule.Id) + "Function");
        }
    }

    [Test]
    public void As_a_central_account_the_rule_functions_assume_only_member_roles_of_the_organization_and_name_them()
    {
        Stack.Map("Conditions").Map("IsOrganizationCentral").List("Fn::Not").Should().ContainSingle();
        Stack.Map("Parameters").Map("OrganizationId").Str("Default").Should().BeEmpty("a single-account deploy stays as it was");
        var policy = Resource("AssumeMemberRolesPolicy");
        policy.Str("Condition").Should().Be("IsOrganizationCentral");
        var statement = policy.Map("Properties").Map("PolicyDocument").List("Statement").Single();
        statement.Get("Action").Should().BeEquivalentTo(new List<object?> { "sts:AssumeRole" });
        statement.Map("Resource").Str("Fn::Sub").Should().Be("arn:${AWS::Partition}:iam::*:role/${MemberRoleName}");
        statement.Map("Condition").Map("StringEquals").Get("aws:ResourceOrgID").Should().BeEquivalentTo(Cfn.Ref("OrganizationId"));
        policy.Map("Properties").List("Roles").Select(role => role.Str("Ref"))
            .Should().BeEquivalentTo(RuleCatalog.Definitions.Select(rule => Naming.Pascal(rule.Id) + "Role").Append("CloudformationHookRole"),
                "the rule functions, and the hook for a member account's resource operations; no other function");

        foreach (var rule in RuleCatalog.Definitions)
        {
            var function = Resource(Naming.Pascal(rule.Id) + "Function").Map("Properties");
            function.Map("Environment").Map("Variables").Map("CONFIGRULES_MEMBER_ROLE_NAME").List("Fn::If")
                .Should().BeEquivalentTo(new List<object?> { "IsOrganizationCentral", Cfn.Ref("MemberRoleName"), Cfn.Ref("AWS::NoValue") });
            Resource(Naming.Pascal(rule.Id) + "Role").Map("Properties").Map("Path").Str("Fn::Sub")
                .Should().Be("/${FunctionNamePrefix}-rules/", "the member roles trust this path");
        }
    }

    [Test]
    public void The_fast_path_function_is_given_the_endpoint_rule_catalog_id_and_may_list_the_deployed_rules()
    {
        var variables = Resource("ApiGatewayEndpointRemediationFunction").Map("Properties").Map("Environment").Map("Variables");
        variables.Str("ENDPOINT_RULE_NAME").Should().Be("api-gateway-endpoint-type-check");
        RuleCatalog.Definitions.Select(rule => rule.Id).Should().Contain(variables.Str("ENDPOINT_RULE_NAME"));
        variables.Should().NotContainKey("CONFIG_RULE_NAMES");
        IamActionScopes.EndpointRemediationActions.Should().Contain(["config:DescribeConfigRules", "config:StartConfigRulesEvaluation"]);
    }

    [Test]
    public void The_automation_says_what_an_empty_VpcEndpointIds_does()
    {
        var description = Resource("EndpointRemediationDocument").Map("Properties").Map("Content")
            .Map("parameters").Map("VpcEndpointIds").Str("description");
        description.Should().Contain("aws:SourceVpce").And.Contain("not changed").And.NotContain("keep the API's own");
    }

    [Test]
    public void The_notifier_gets_compliance_changes_of_this_package_rules_and_publishes_to_the_encrypted_topic()
    {
        var notifier = Resource("ComplianceNotifierFunction").Map("Properties");
        notifier.Map("Environment").Map("Variables").Get("NOTIFICATION_TOPIC_ARN").Should().BeEquivalentTo(Cfn.Ref("ViolationsTopic"));
        var rule = Resource("ComplianceChangeRule").Map("Properties");
        var pattern = rule.Map("EventPattern");
        pattern.List("source").Should().Equal("aws.config");
        pattern.List("detail-type").Should().Equal("Config Rules Compliance Change");
        pattern.Map("detail").List("configRuleName").Select(prefix => prefix.Str("prefix"))
            .Should().BeEquivalentTo(RuleCatalog.Definitions.Select(definition => definition.Id));
        rule.List("Targets").Single().Map("Arn").List("Fn::GetAtt")[0].Should().Be("ComplianceNotifierFunction");
        var permission = Resource("ComplianceNotifierEventsPermission").Map("Properties");
        permission.Str("Principal").Should().Be("events.amazonaws.com");
        permission.Map("SourceArn").List("Fn::GetAtt")[0].Should().Be("ComplianceChangeRule");
    }

    [Test]
    public void The_remediation_document_invokes_the_remediation_function_with_the_api_id_and_optional_vpc_endpoints()
    {
        var document = Resource("EndpointRemediationDocument").Map("Properties");
        document.Str("DocumentType").Should().Be("Automation");
        var content = document.Map("Content");
        content.Map("parameters").Keys.Should().BeEquivalentTo(["AutomationAssumeRole", "RestApiId", "VpcEndpointIds"]);
        content.Map("parameters").Map("VpcEndpointIds").Str("default").Should().Be("");
        var step = content.List("mainSteps").Single();
        step.Str("action").Should().Be("aws:invokeLambdaFunction");
        step.Map("inputs").Map("FunctionName").List("Fn::GetAtt")[0].Should().Be("ApiGatewayEndpointRemediationFunction");
        step.Map("inputs").Str("Payload").Should().Contain("{{ RestApiId }}").And.Contain("{{ VpcEndpointIds }}");

        var role = Resource("RemediationAutomationRole").Map("Properties");
        role.Map("AssumeRolePolicyDocument").List("Statement").Single().Map("Principal").Str("Service").Should().Be("ssm.amazonaws.com");
        role.List("Policies").Single().Map("PolicyDocument").List("Statement").Single().Get("Action").Should().BeEquivalentTo(new List<object?> { "lambda:InvokeFunction" });
    }

    [Test]
    public void Api_gateway_management_calls_recorded_by_cloudtrail_reach_the_remediation_function()
    {
        var pattern = Resource("ApiGatewayChangeRule").Map("Properties").Map("EventPattern");
        pattern.List("source").Should().Equal("aws.apigateway");
        pattern.List("detail-type").Should().Equal("AWS API Call via CloudTrail");
        pattern.Map("detail").List("eventName").Should().BeEquivalentTo(["CreateRestApi", "UpdateRestApi", "ImportRestApi", "PutRestApi"]);
        Resource("ApiGatewayChangeRule").Map("Properties").List("Targets").Single().Map("Arn").List("Fn::GetAtt")[0]
            .Should().Be("ApiGatewayEndpointRemediationFunction");
        Resource("ApiGatewayEndpointRemediationEventsPermission").Map("Properties").Str("Principal").Should().Be("events.amazonaws.com");
    }

    [Test]
    public void Deploys_the_serverless_governance_pack_byte_for_byte_wired_to_the_functions()
    {
        var pack = Resource("ServerlessGovernancePack").Map("Properties");
        pack.Str("TemplateBody").Should().Be(CommittedTemplates.Text(TemplateSet.ServerlessGovernance));
        var inputs = pack.List("ConformancePackInputParameters").ToDictionary(input => input.Str("ParameterName")!, input => input.Get("ParameterValue"));
        var packParameters = CommittedTemplates.Load(TemplateSet.ServerlessGovernance).Map("Parameters");
        foreach (var (name, parameter) in packParameters)
        {
            if (parameter.Get("Default") is null) inputs.Should().ContainKey(name, "a pack parameter without a default must be given");
            if (inputs.TryGetValue(name, out var value) && value.Get("Ref") is string reference && !name.EndsWith("Document", StringComparison.Ordinal))
                Stack.Map("Parameters").Map(reference).Str("Default").Should().Be(parameter.Str("Default"), $"the stack repeats {name} with the pack's default");
        }
        foreach (var rule in RuleCatalog.Definitions)
            inputs[Naming.Pascal(rule.Id) + "FunctionArn"].Should().BeEquivalentTo(
                new Dictionary<string, object?> { ["Fn::GetAtt"] = new List<object?> { Naming.Pascal(rule.Id) + "Function", "Arn" } });
        inputs.Keys.Should().BeSubsetOf(packParameters.Keys);
    }

    [Test]
    public void Stays_within_cloudformation_limits_for_a_template_uploaded_to_s3()
    {
        System.Text.Encoding.UTF8.GetByteCount(CommittedTemplates.Text(TemplateSet.DeployStack)).Should().BeLessThan(1_048_576);
        Stack.Map("Resources").Should().HaveCountLessThanOrEqualTo(500);
        Stack.Map("Parameters").Should().HaveCountLessThanOrEqualTo(200);
        Stack.Map("Outputs").Should().HaveCountLessThanOrEqualTo(200);
    }

    [Test]
    public void The_organization_rollout_puts_the_member_role_in_every_account_and_points_the_organization_pack_at_the_central_functions()
    {
        var rollout = CommittedTemplates.Load(TemplateSet.OrganizationRollout);
        rollout.Map("Resources").Select(resource => resource.Value.Str("Type"))
            .Should().BeEquivalentTo(["AWS::CloudFormation::StackSet", "AWS::CloudFormation::StackSet", "AWS::Config::OrganizationConformancePack"]);
        var stackSet = rollout.Map("Resources").Map("MemberRoles").Map("Properties");
        stackSet.Str("PermissionModel").Should().Be("SERVICE_MANAGED");
        stackSet.Get("TemplateURL").Should().BeEquivalentTo(Cfn.Ref("MemberRoleTemplateUrl"));
        stackSet.List("Parameters").Select(parameter => parameter.Str("ParameterKey")).Should().BeEquivalentTo(["CentralAccountId", "FunctionNamePrefix", "MemberRoleName"]);
        rollout.ResourcesOfType("AWS::Lambda::Function").Should().BeEmpty("the functions run in the central account only");
        var pack = rollout.Map("Resources").Map("OrganizationPack").Map("Properties");
        pack.Str("TemplateBody").Should().Be(CommittedTemplates.Text(TemplateSet.OrganizationPack));
        pack.List("ConformancePackInputParameters").Should().ContainEquivalentOf(
            new Dictionary<string, object?> { ["ParameterName"] = "CentralAccountId", ["ParameterValue"] = Cfn.Ref("CentralAccountId") });
        rollout.Map("Parameters").Map("MemberRoleName").Str("Default").Should().Be(Stack.Map("Parameters").Map("MemberRoleName").Str("Default"));
    }

    [Test]
    public void The_member_role_trusts_only_the_central_rule_function_roles_and_allows_only_what_the_rules_call()
    {
        var template = CommittedTemplates.Load(TemplateSet.MemberRole);
        var (_, role) = template.ResourcesOfType("AWS::IAM::Role").Single();
        var properties = role.Map("Properties");
        properties.Get("RoleName").Should().BeEquivalentTo(Cfn.Ref("MemberRoleName"));
        var trust = properties.Map("AssumeRolePolicyDocument").List("Statement").Single();
        trust.Map("Principal").Map("AWS").Str("Fn::Sub").Should().Be("arn:${AWS::Partition}:iam::${CentralAccountId}:root");
        trust.Map("Condition").Map("ArnLike").Map("aws:PrincipalArn").Str("Fn::Sub")
            .Should().Be("arn:${AWS::Partition}:iam::${CentralAccountId}:role/${FunctionNamePrefix}-rules/*",
                "the path the central stack gives its rule function roles, and no other principal of that account");
        properties.Should().NotContainKey("ManagedPolicyArns");
        var actions = properties.List("Policies").Single().Map("PolicyDocument").List("Statement")
            .SelectMany(statement => statement.List("Action")).Cast<string>();
        actions.Should().BeEquivalentTo(RuleCatalog.Definitions.SelectMany(rule => rule.RequiredIamActions).Distinct());
    }
}
