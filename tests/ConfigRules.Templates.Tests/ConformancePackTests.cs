using ConfigRules.Framework.Rules;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Templates.Tests;

/// <summary>The packs against AWS's conformance pack limits and the rule catalog.</summary>
public class ConformancePackTests
{
    private static readonly string[] PackResourceTypes = ["AWS::Config::ConfigRule", "AWS::Config::RemediationConfiguration"];

    public static IEnumerable<string> Packs => CommittedTemplates.Packs;

    [TestCaseSource(nameof(Packs))]
    public void Is_under_the_51200_byte_template_limit_with_at_most_60_parameters(string pack)
    {
        System.Text.Encoding.UTF8.GetByteCount(CommittedTemplates.Text(pack)).Should().BeLessThan(51_200);
        CommittedTemplates.Load(pack).Map("Parameters").Should().HaveCountLessThanOrEqualTo(60);
    }

    [TestCaseSource(nameof(Packs))]
    public void Holds_only_config_rules_and_remediation_configurations(string pack)
    {
        var types = CommittedTemplates.Load(pack).Map("Resources").Select(resource => resource.Value.Str("Type")).Distinct();
        types.Should().BeSubsetOf(PackResourceTypes);
    }

    [TestCase(TemplateSet.LambdaFunctionStandards, RulePacks.LambdaFunctionStandards)]
    [TestCase(TemplateSet.ApiGatewayPrivateEndpoints, RulePacks.ApiGatewayPrivateEndpoints)]
    [TestCase(TemplateSet.ServerlessSecurity, RulePacks.ServerlessSecurity)]
    public void Holds_exactly_the_rules_that_declare_the_pack_in_catalog_order(string packFile, string pack)
    {
        var declared = RuleCatalog.Definitions.Where(rule => rule.Packs.Contains(pack)).Select(rule => rule.Id).ToList();
        declared.Should().NotBeEmpty($"some rule declares {pack}");
        RuleIds(packFile).Should().Equal(declared);
    }

    [TestCase(TemplateSet.ServerlessGovernance)]
    [TestCase(TemplateSet.OrganizationPack)]
    public void Holds_every_catalog_rule(string packFile) =>
        RuleIds(packFile).Should().BeEquivalentTo(RuleCatalog.Definitions.Select(rule => rule.Id));

    [Test]
    public void Every_declared_pack_is_a_pack_the_generator_builds()
    {
        RuleCatalog.Definitions.SelectMany(rule => rule.Packs).Should().OnlyContain(pack => RulePacks.All.Contains(pack));
        RulePacks.All.Select(pack => $"conformance-packs/{pack}.yaml").Should().BeSubsetOf(TemplateSet.ConformancePacks);
    }

    [Test]
    public void The_contracts_packs_hold_the_contracts_rules()
    {
        TemplateSet.RulesIn(RulePacks.ServerlessSecurity).Select(rule => rule.Id).Should().Equal("api-gateway-stage-waf-check", "api-gateway-stage-logging-check",
            "lambda-public-access-check", "lambda-error-alarm-check", "cloudtrail-serverless-audit-check");
        TemplateSet.RulesIn(RulePacks.LambdaFunctionStandards).Should().HaveCount(7, "the contract: the seven Lambda settings rules")
            .And.OnlyContain(rule => rule.Covers("AWS::Lambda::Function"));
        TemplateSet.RulesIn(RulePacks.ApiGatewayPrivateEndpoints).Select(rule => rule.Id).Should().Equal(EndpointRemediation.RuleId);
        CommittedTemplates.Load(TemplateSet.ServerlessSecurity).ResourcesOfType("AWS::Config::RemediationConfiguration").Should().BeEmpty();
    }

    [TestCase(TemplateSet.ServerlessSecurity)]
    [TestCase(TemplateSet.ServerlessGovernance)]
    public void A_text_parameter_with_a_fixed_set_of_values_offers_exactly_those_and_the_rule_accepts_each(string pack)
    {
        var parameter = CommittedTemplates.Load(pack).Map("Parameters").Map("ApiGatewayStageLoggingCheckParamMinLoggingLevel");
        parameter.List("AllowedValues").Should().Equal("ERROR", "INFO");
        var rule = RuleCatalog.All.Single(r => r.Definition.Id == "api-gateway-stage-logging-check");
        foreach (var value in new[] { "ERROR", "INFO" })
            rule.Invoking(r => r.ParseParameters(new Dictionary<string, string> { ["minLoggingLevel"] = value })).Should().NotThrow();
    }

    private static List<string?> RuleIds(string pack) =>
        [.. CommittedTemplates.Load(pack).ResourcesOfType("AWS::Config::ConfigRule").Select(rule => rule.Value.Map("Properties").Str("ConfigRuleName"))];

    [TestCaseSource(nameof(Packs))]
    public void Exposes_every_rule_parameter_as_RuleNameParamParameterName_with_the_catalog_default(string pack)
    {
        var template = CommittedTemplates.Load(pack);
        var parameters = template.Map("Parameters");
        foreach (var (logicalId, resource) in template.ResourcesOfType("AWS::Config::ConfigRule"))
        {
            var rule = RuleCatalog.FindDefinition(resource.Map("Properties").Str("ConfigRuleName")!)!;
            logicalId.Should().Be(Naming.Pascal(rule.Id));
            var inputs = resource.Map("Properties").Map("InputParameters");
            inputs.Keys.Should().BeEquivalentTo(rule.Parameters.Select(parameter => parameter.Name), $"{rule.Id} passes each of its parameters");
            foreach (var parameter in rule.Parameters)
            {
                var name = $"{Naming.Pascal(rule.Id)}Param{char.ToUpperInvariant(parameter.Name[0])}{parameter.Name[1..]}";
                parameters.Should().ContainKey(name);
                parameters.Map(name).Str("Type").Should().Be("String");
                parameters.Map(name).Str("Default").Should().Be(parameter.Default ?? "", $"{name} carries the catalog default");
                if (parameter.Default is null)
                {
                    var condition = $"Has{name}";
                    inputs[parameter.Name].Should().BeEquivalentTo(new Dictionary<string, object?>
                    {
                        ["Fn::If"] = new List<object?> { condition, Cfn.Ref(name), Cfn.Ref("AWS::NoValue") },
                    }, $"an empty {name} is left out of InputParameters");
                    template.Map("Conditions").Get(condition).Should().BeEquivalentTo(new Dictionary<string, object?>
                    {
                        ["Fn::Not"] = new List<object?> { new Dictionary<string, object?> { ["Fn::Equals"] = new List<object?> { "", Cfn.Ref(name) } } },
                    });
                }
                else
                {
                    inputs[parameter.Name].Should().BeEquivalentTo(Cfn.Ref(name));
                }
            }
        }
    }

    [TestCaseSource(nameof(Packs))]
    public void Rules_are_custom_lambda_rules_on_change_oversized_change_and_schedule_scoped_to_the_catalog_types(string pack)
    {
        var template = CommittedTemplates.Load(pack);
        foreach (var (_, resource) in template.ResourcesOfType("AWS::Config::ConfigRule"))
        {
            var properties = resource.Map("Properties");
            var rule = RuleCatalog.FindDefinition(properties.Str("ConfigRuleName")!)!;
            properties.Str("Description")!.Length.Should().BeInRange(1, 256);
            if (rule.ResourceTypes.SequenceEqual(["AWS::::Account"]))
                properties.Should().NotContainKey("Scope", "an account rule has no recorded resources to scope to");
            else
                properties.Map("Scope").List("ComplianceResourceTypes").Should().BeEquivalentTo(rule.ResourceTypes);
            var source = properties.Map("Source");
            source.Str("Owner").Should().Be("CUSTOM_LAMBDA");
            if (pack == TemplateSet.OrganizationPack)
                source.Map("SourceIdentifier").Str("Fn::Sub").Should().Be(
                    $"arn:${{AWS::Partition}}:lambda:${{AWS::Region}}:${{CentralAccountId}}:function:${{FunctionNamePrefix}}-{rule.Id}", "every account's rule invokes the central function");
            else
                source.Get("SourceIdentifier").Should().BeEquivalentTo(Cfn.Ref(Naming.Pascal(rule.Id) + "FunctionArn"));

            var details = source.List("SourceDetails").Cast<Dictionary<string, object?>>().ToList();
            details.Should().OnlyContain(detail => detail.Str("EventSource") == "aws.config");
            var messageTypes = details.Select(detail => detail.Str("MessageType")).ToList();
            if (rule.Id == "cloudtrail-serverless-audit-check")
            {
                rule.Triggers.Should().Be(RuleTriggers.Periodic, "the contract: the CloudTrail rule runs on a schedule only");
                messageTypes.Should().Equal("ScheduledNotification");
            }
            else
            {
                rule.Triggers.Should().Be(RuleTriggers.Both, "the contract: every rule can run on change and on a schedule");
                messageTypes.Should().BeEquivalentTo(["ConfigurationItemChangeNotification", "OversizedConfigurationItemChangeNotification", "ScheduledNotification"]);
            }
            details.Single(detail => detail.Str("MessageType") == "ScheduledNotification").Str("MaximumExecutionFrequency")
                .Should().Be(rule.MaximumExecutionFrequency).And.BeOneOf("One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours");
        }
    }

    [TestCaseSource(nameof(Packs))]
    public void Every_parameter_is_used_and_every_reference_resolves(string pack)
    {
        var template = CommittedTemplates.Load(pack);
        var parameters = template.Map("Parameters").Keys.ToHashSet();
        var references = Cfn.Walk(template).Select(step => step.Node.Str("Ref")).OfType<string>().ToHashSet();
        var subs = string.Join("\n", Cfn.Walk(template).Select(step => step.Node.Str("Fn::Sub")).OfType<string>());
        foreach (var parameter in parameters)
            (references.Contains(parameter) || subs.Contains($"${{{parameter}}}", StringComparison.Ordinal)).Should().BeTrue($"{parameter} is used");
        references.Where(name => !name.StartsWith("AWS::", StringComparison.Ordinal)).Should().BeSubsetOf(parameters.Concat(template.Map("Resources").Keys));
    }

    [TestCase(TemplateSet.ApiGatewayPrivateEndpoints)]
    [TestCase(TemplateSet.ServerlessGovernance)]
    public void Sends_non_private_apis_back_to_private_automatically_with_retry_limits(string pack)
    {
        var template = CommittedTemplates.Load(pack);
        var (_, remediation) = template.ResourcesOfType("AWS::Config::RemediationConfiguration").Single();
        remediation.Str("DependsOn").Should().Be("ApiGatewayEndpointTypeCheck");
        var properties = remediation.Map("Properties");
        properties.Str("ConfigRuleName").Should().Be("api-gateway-endpoint-type-check");
        properties.Str("TargetType").Should().Be("SSM_DOCUMENT");
        properties.Str("ResourceType").Should().Be("AWS::ApiGateway::RestApi");
        properties.Str("Automatic").Should().Be("true");
        properties.Get("MaximumAutomaticAttempts").Should().BeEquivalentTo(Cfn.Ref("ApiGatewayEndpointRemediationMaximumAttempts"));
        properties.Get("RetryAttemptSeconds").Should().BeEquivalentTo(Cfn.Ref("ApiGatewayEndpointRemediationRetrySeconds"));
        var inputs = properties.Map("Parameters");
        inputs.Map("RestApiId").Map("ResourceValue").Str("Value").Should().Be("RESOURCE_ID");
        inputs.Map("AutomationAssumeRole").Map("StaticValue").List("Values").Should().ContainSingle();
        inputs.Map("VpcEndpointIds").List("Fn::If")[0].Should().Be("HasApiGatewayEndpointRemediationVpcEndpointIds");
        inputs.Map("VpcEndpointIds").List("Fn::If")[2].Should().BeEquivalentTo(Cfn.Ref("AWS::NoValue"));
        var parameters = template.Map("Parameters");
        parameters.Map("ApiGatewayEndpointRemediationMaximumAttempts").Str("Default").Should().Be("5");
        parameters.Map("ApiGatewayEndpointRemediationRetrySeconds").Str("Default").Should().Be("60");
    }
}
