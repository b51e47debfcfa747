using System.Text.Json;
using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Model;
using ConfigRules.Testing;
using ConfigRules.Rules.Tests.Fixtures;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.Reference;

/// <summary>
/// The rdk example items (reference kit) judged by every rule of their type, with default parameters and a
/// fixed Now: the verdicts a reader of the item expects.
/// </summary>
[Category(ReferenceKit.Category)]
public class ReferenceItemVerdictTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private static ConfigurationItem Item(string file)
    {
        var path = ReferenceKit.Require("testdata", "config-samples", "configuration-items", file);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        // The rdk Lambda example is an array of one item; the others are one item.
        var element = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().Single() : document.RootElement;
        return ConfigurationItemMapper.Parse(element.GetRawText());
    }

    /// <summary>Every catalog rule of the item's type, without lookups (as the CLI runs offline).</summary>
    private static async Task<Dictionary<string, Evaluation>> EvaluateAll(ConfigurationItem item)
    {
        var rules = RuleCatalog.All.Where(r => r.Definition.ResourceTypes.Contains(item.ResourceType, StringComparer.Ordinal)).ToList();
        rules.Should().NotBeEmpty();
        var results = new Dictionary<string, Evaluation>(StringComparer.Ordinal);
        foreach (var rule in rules) results[rule.Definition.Id] = await HarnessFor(rule, now: Now).EvaluateAsync(item);
        return results;
    }

    [Test]
    public async Task Rdk_lambda_on_nodejs610_is_non_compliant_naming_its_successor()
    {
        var results = await EvaluateAll(Item("rdk-AWS_LAMBDA_FUNCTION.json"));

        var runtime = results["lambda-runtime-check"];
        runtime.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        runtime.ComplianceResourceId.Should().Be("test-function");
        runtime.Annotation.Should().Contain("nodejs6.10").And.Contain("deprecated").And.MatchRegex(@"move to nodejs\d+\.x");
    }

    [Test]
    public async Task Rdk_lambda_settings_within_the_defaults_are_compliant()
    {
        var results = await EvaluateAll(Item("rdk-AWS_LAMBDA_FUNCTION.json"));

        // index.handler, 216 bytes of code, 128 MB, 3 s: all inside the default limits.
        results["lambda-handler-name-check"].ComplianceType.Should().Be(ComplianceType.Compliant);
        results["lambda-code-size-check"].ComplianceType.Should().Be(ComplianceType.Compliant);
        results["lambda-memory-size-check"].Annotation.Should().Contain("128 MB");
        results["lambda-memory-size-check"].ComplianceType.Should().Be(ComplianceType.Compliant);
        results["lambda-timeout-check"].ComplianceType.Should().Be(ComplianceType.Compliant);
        results["lambda-timeout-check"].Annotation.Should().Contain("3 s");
    }

    [Test]
    public async Task Rdk_lambda_checks_that_need_lookups_say_so_offline()
    {
        var results = await EvaluateAll(Item("rdk-AWS_LAMBDA_FUNCTION.json"));

        // The item has no Concurrency supplementary configuration: as AWS's managed rule reads it, none is reserved.
        results["lambda-concurrency-check"].ComplianceType.Should().Be(ComplianceType.NonCompliant);
        results["lambda-concurrency-check"].Annotation.Should().Contain("read from the recorded item");
        results["lambda-execution-role-check"].ComplianceType.Should().Be(ComplianceType.NotApplicable);
        results["lambda-execution-role-check"].Annotation.Should().Contain("role");
    }

    [Test]
    public async Task Rdk_rest_api_is_regional_and_so_non_compliant_under_the_private_default()
    {
        var item = Item("rdk-AWS_ApiGateway_RestApi.json");
        var results = await EvaluateAll(item);

        var endpoint = results.Should().ContainKey("api-gateway-endpoint-type-check").WhoseValue;
        endpoint.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        endpoint.ComplianceResourceId.Should().Be("arn:aws:apigateway:us-east-2::/restapis/test");
        endpoint.Annotation.Should().Contain("REGIONAL").And.Contain("PRIVATE");
    }

    [Test]
    public async Task Rdk_rest_api_is_compliant_when_regional_is_allowed()
    {
        var rule = RuleCatalog.Find("api-gateway-endpoint-type-check")!;

        var evaluation = await HarnessFor(rule, now: Now).EvaluateAsync(Item("rdk-AWS_ApiGateway_RestApi.json"), Params(("allowedEndpointTypes", "REGIONAL,PRIVATE")));

        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
    }

    [Test]
    public async Task Rdk_stage_has_no_web_ACL_no_logging_and_no_access_logs()
    {
        // methodSettings {}, no webAclArn, no accessLogSettings, tracingEnabled false.
        var results = await EvaluateAll(Item("rdk-AWS_ApiGateway_Stage.json"));

        var waf = results["api-gateway-stage-waf-check"];
        waf.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        waf.ComplianceResourceId.Should().Be("arn:aws:apigateway:us-east-2::/restapis/test/stages/test");
        waf.Annotation.Should().StartWith("Stage test of REST API test has no web ACL");
        var logging = results["api-gateway-stage-logging-check"];
        logging.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        logging.Annotation.Should().Contain("is not set").And.Contain("access logs are not written").And.NotContain("X-Ray");
    }

    [Test]
    public async Task Rdk_lambda_records_no_resource_policy_and_so_is_not_public()
    {
        var results = await EvaluateAll(Item("rdk-AWS_LAMBDA_FUNCTION.json"));

        results["lambda-public-access-check"].ComplianceType.Should().Be(ComplianceType.Compliant);
        results["lambda-public-access-check"].Annotation.Should().Contain("test-function has no resource policy");
    }

    [TestCase("rdk-AWS_IAM_Role.json")]
    public void Items_of_other_types_are_judged_by_no_rule(string file)
    {
        var item = Item(file);

        RuleCatalog.All.Where(r => r.Definition.ResourceTypes.Contains(item.ResourceType, StringComparer.Ordinal))
            .Should().BeEmpty($"no catalog rule evaluates {item.ResourceType}");
    }
}
