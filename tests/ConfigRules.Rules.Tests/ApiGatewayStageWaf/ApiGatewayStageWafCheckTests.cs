using System.Text.Json.Nodes;
using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.ApiGatewayStageWaf;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.ApiGatewayStageWaf;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class ApiGatewayStageWafCheckTests(ItemShape shape)
{
    private const string Id = "a1b2c3d4-5678-90ab-cdef-111122223333";
    private const string Stage = "stage prod of REST API a1b2c3d4e5";
    private static string Arn(string name) => $"arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/{name}/{Id}";

    private static readonly FakeWebAclLookup Acls = new(
        Acl("blocking", Rule("per-ip", 500, "Block"), Rule("common", null, null)),
        Acl("two-limits", Rule("loose", 5000, "Block"), Rule("tight", 800, "Block")),
        Acl("counting", Rule("per-ip", 100, "Count")),
        Acl("captcha", Rule("per-ip", 100, "Captcha")),
        Acl("no-rate", Rule("common", null, null), new WebAclRule("geo", 2, "Block", false, null)),
        Acl("empty"));

    private readonly ApiGatewayStageWafCheck _rule = new();

    private static WebAclDescription Acl(string name, params WebAclRule[] rules) => new(Arn(name), name, Id, rules);

    private static WebAclRule Rule(string name, long? limit, string? action) => new(name, 0, action, limit is not null, limit);

    private ConfigurationItem StageWith(string? webAclArn)
    {
        var builder = ConfigurationItemBuilder.RestApiStage();
        if (webAclArn is not null) builder.With("webAclArn", webAclArn);
        return builder.Build(shape);
    }

    private Task<Framework.Evaluation.Evaluation> Run(string? webAclArn, params (string, string)[] parameters) =>
        HarnessFor(_rule, RuleServices.Empty.Add<IWebAclLookup>(Acls)).EvaluateAsync(StageWith(webAclArn), Params(parameters));

    [Test]
    public async Task A_stage_without_a_web_ACL_is_a_finding()
    {
        var evaluation = await Run(null);
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be("Stage prod of REST API a1b2c3d4e5 has no web ACL; associate a WAFv2 web ACL with a rate-based rule that blocks (AWS::WAFv2::WebACLAssociation).");
    }

    [TestCase("blocking", null, ComplianceType.Compliant, "Web ACL blocking of " + Stage + " blocks clients above 500 requests (rate-based rule per-ip).")]
    [TestCase("blocking", "500", ComplianceType.Compliant, "Web ACL blocking of " + Stage + " blocks clients above 500 requests (rate-based rule per-ip), within the maximum of 500.")]
    [TestCase("blocking", "499", ComplianceType.NonCompliant, "Web ACL blocking of " + Stage + " blocks only above 500 requests (rule per-ip), more than the maximum of 499; lower the rule's Limit or raise maxRateLimit.")]
    [TestCase("two-limits", "1000", ComplianceType.Compliant, "Web ACL two-limits of " + Stage + " blocks clients above 800 requests (rate-based rule tight), within the maximum of 1000.")]
    [TestCase("counting", null, ComplianceType.NonCompliant, "Web ACL counting of " + Stage + ": rate-based rule per-ip has action Count, which does not block; set its action to Block.")]
    [TestCase("captcha", null, ComplianceType.NonCompliant, "Web ACL captcha of " + Stage + ": rate-based rule per-ip has action Captcha, which does not block; set its action to Block.")]
    [TestCase("no-rate", null, ComplianceType.NonCompliant, "Web ACL no-rate of " + Stage + " has no rate-based rule; add a rule with a RateBasedStatement and action Block.")]
    [TestCase("empty", "1000", ComplianceType.NonCompliant, "Web ACL empty of " + Stage + " has no rate-based rule; add a rule with a RateBasedStatement and action Block with a Limit of at most 1000.")]
    public async Task The_web_ACL_needs_a_blocking_rate_based_rule_within_the_limit(string acl, string? max, ComplianceType expected, string annotation)
    {
        var evaluation = max is null ? await Run(Arn(acl)) : await Run(Arn(acl), ("maxRateLimit", max));
        evaluation.ComplianceType.Should().Be(expected);
        evaluation.Annotation.Should().Be(annotation);
    }

    [Test]
    public async Task A_deleted_web_ACL_is_a_finding()
    {
        var evaluation = await Run(Arn("deleted"));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be("Web ACL deleted of " + Stage + " does not exist; associate an existing WAFv2 web ACL with a rate-based rule that blocks.");
    }

    [Test]
    public async Task A_WAF_Classic_web_ACL_cannot_show_a_rate_based_rule_but_is_enough_when_none_is_required()
    {
        const string classic = "arn:aws:waf-regional:eu-west-1:123456789012:webacl/" + Id;
        (await Run(classic)).ComplianceType.Should().Be(ComplianceType.NonCompliant);
        (await Run(classic)).Annotation.Should().Contain("not a WAFv2 web ACL");
        var relaxed = await Run(classic, ("requireRateBasedRule", "false"));
        relaxed.ComplianceType.Should().Be(ComplianceType.Compliant);
        Acls.Asked.Should().NotContain(a => a.Contains("waf-regional"));
    }

    [Test]
    public async Task Without_the_rate_based_requirement_the_web_ACL_is_not_read()
    {
        var lookup = new FakeWebAclLookup();
        var evaluation = await HarnessFor(_rule, RuleServices.Empty.Add<IWebAclLookup>(lookup)).EvaluateAsync(StageWith(Arn("counting")), Params(("requireRateBasedRule", "false")));
        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
        evaluation.Annotation.Should().Be("Stage prod of REST API a1b2c3d4e5 has web ACL counting; no rate-based rule is required.");
        lookup.Asked.Should().BeEmpty();
    }

    [TestCase("arn:aws:wafv2:*:*:regional/webacl/blocking/*", ComplianceType.Compliant)]
    [TestCase("arn:aws:wafv2:*:*:regional/webacl/shared-*/*", ComplianceType.NonCompliant)]
    [TestCase("*blocking*, arn:aws:wafv2:*:*:regional/webacl/other/*", ComplianceType.Compliant)]
    public async Task Allowed_patterns_match_the_whole_ARN(string patterns, ComplianceType expected) =>
        (await Run(Arn("blocking"), ("allowedWebAclArnPatterns", patterns))).ComplianceType.Should().Be(expected);

    [Test]
    public async Task A_web_ACL_outside_the_patterns_names_them()
    {
        var evaluation = await Run(Arn("blocking"), ("allowedWebAclArnPatterns", "arn:aws:wafv2:*:*:regional/webacl/shared-*/*"));
        evaluation.Annotation.Should().StartWith("Stage prod of REST API a1b2c3d4e5 uses web ACL arn:aws:wafv2:").And
            .Contain("matches no allowed pattern (arn:aws:wafv2:*:*:regional/webacl/shared-*/*)");
    }

    [TestCase("maxRateLimit", "9", "maxRateLimit")]
    [TestCase("maxRateLimit", "2000000001", "maxRateLimit")]
    [TestCase("maxRateLimit", "many", "maxRateLimit")]
    [TestCase("allowedWebAclArnPatterns", "webacl/x", "arn: or *")]
    [TestCase("requireRateBasedRule", "yes", "requireRateBasedRule")]
    public void Bad_parameters_name_the_parameter_and_what_it_accepts(string name, string value, string expected) =>
        FluentActions.Invoking(() => _rule.ParseParameters(Params((name, value))))
            .Should().Throw<InvalidParameterValueException>().WithMessage($"*{expected}*");

    [Test]
    public async Task Offline_without_the_web_ACL_item_the_stage_is_not_applicable_with_a_note()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(StageWith(Arn("blocking")));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("AWS::WAFv2::WebACL");
    }

    [Test]
    public async Task Offline_the_web_ACL_is_read_from_a_recorded_item_in_camel_case()
    {
        var index = new WebAclIndex(OfflineSource.RecordedItems);
        index.Add(WebAclItem("camel", Rules("rules", "statement", "rateBasedStatement", "limit", "action", "block", 300)));
        index.Add(WebAclItem("pascal", Rules("Rules", "Statement", "RateBasedStatement", "Limit", "Action", "Block", 5000)));
        index.Count.Should().Be(2);

        var services = RuleServices.Empty.Add<IWebAclLookup>(index);
        var camel = await HarnessFor(_rule, services).EvaluateAsync(StageWith(Arn("camel")), Params(("maxRateLimit", "1000")));
        camel.ComplianceType.Should().Be(ComplianceType.Compliant);
        camel.Annotation.Should().Contain("above 300 requests (rate-based rule per-ip)");
        var pascal = await HarnessFor(_rule, services).EvaluateAsync(StageWith(Arn("pascal")), Params(("maxRateLimit", "1000")));
        pascal.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        pascal.Annotation.Should().Contain("blocks only above 5000 requests");
    }

    private static JsonArray Rules(string rules, string statement, string rate, string limit, string action, string block, long value) =>
    [
        new JsonObject
        {
            ["name"] = "per-ip", ["priority"] = 0,
            [statement] = new JsonObject { [rate] = new JsonObject { [limit] = value, ["aggregateKeyType"] = "IP" } },
            [action] = new JsonObject { [block] = new JsonObject() },
        },
    ];

    private static ConfigurationItem WebAclItem(string name, JsonArray rules) => ConfigurationItemMapper.Parse(new JsonObject
    {
        ["resourceType"] = "AWS::WAFv2::WebACL", ["resourceId"] = Id, ["resourceName"] = name,
        ["ARN"] = Arn(name), ["awsRegion"] = "eu-west-1", ["configurationItemStatus"] = "OK",
        ["configuration"] = new JsonObject { ["name"] = name, ["id"] = Id, ["arn"] = Arn(name), ["rules"] = rules },
    }.ToJsonString());

    [Test]
    public async Task A_web_acl_of_the_same_template_is_looked_up_by_its_reference()
    {
        var lookup = new FakeWebAclLookup(new WebAclDescription("${Acl.Arn}", "api-acl", "", [Rule("per-ip", 500, "Block")]));

        var evaluation = await HarnessFor(_rule, RuleServices.Empty.Add<IWebAclLookup>(lookup)).EvaluateAsync(StageWith("${Acl.Arn}"), Params(("maxRateLimit", "1000")));

        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant, evaluation.Annotation);
        lookup.Asked.Should().Equal("${Acl.Arn}");
    }

    [Test]
    public async Task Arn_patterns_cannot_judge_a_web_acl_whose_arn_exists_only_after_deployment()
    {
        var evaluation = await HarnessFor(_rule, RuleServices.Empty.Add<IWebAclLookup>(Acls)).EvaluateAsync(StageWith("${Acl.Arn}"), Params(("allowedWebAclArnPatterns", "arn:aws:wafv2:*:*:regional/webacl/shared-*/*")));

        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Be("Stage prod of REST API a1b2c3d4e5 uses web ACL Acl of the same template; its ARN, which allowedWebAclArnPatterns judges, is not known before deployment.");
    }
}

/// <summary>Web ACLs by ARN; an ARN not in the table does not exist.</summary>
internal sealed class FakeWebAclLookup(params WebAclDescription[] acls) : IWebAclLookup
{
    public List<string> Asked { get; } = [];

    public ValueTask<WebAclDescription?> GetWebAclAsync(WebAclArn arn, CancellationToken cancellationToken)
    {
        lock (Asked) Asked.Add(arn.Arn);
        return ValueTask.FromResult(acls.FirstOrDefault(a => a.Arn == arn.Arn));
    }
}
