using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Rules.ApiGatewayEndpointType;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.ApiGatewayEndpointType;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class ApiGatewayEndpointTypeCheckTests(ItemShape shape)
{
    private readonly ApiGatewayEndpointTypeCheck _rule = new();

    [TestCase(new[] { "PRIVATE" }, "", ComplianceType.Compliant, "REST API orders uses endpoint type PRIVATE, which is allowed.")]
    [TestCase(new[] { "REGIONAL" }, "", ComplianceType.NonCompliant,
        "REST API orders uses endpoint type REGIONAL, which is not allowed (allowed: PRIVATE); set EndpointConfiguration.Types to PRIVATE or add REGIONAL to api-gateway-endpoint-type-check's allowedEndpointTypes.")]
    [TestCase(new[] { "EDGE" }, "PRIVATE,REGIONAL", ComplianceType.NonCompliant, "REST API orders uses endpoint type EDGE, which is not allowed (allowed: PRIVATE, REGIONAL);*")]
    [TestCase(new[] { "REGIONAL" }, " REGIONAL , PRIVATE ", ComplianceType.Compliant, "*REGIONAL, which is allowed.")]
    [TestCase(new[] { "PRIVATE", "REGIONAL" }, "", ComplianceType.NonCompliant, "REST API orders uses endpoint type REGIONAL, which is not allowed*")]
    [TestCase(new[] { "PRIVATE", "REGIONAL" }, "REGIONAL,PRIVATE", ComplianceType.Compliant, "*PRIVATE, REGIONAL, which is allowed.")]
    [TestCase(new[] { "regional" }, "REGIONAL", ComplianceType.NonCompliant, "*endpoint type regional, which is not allowed*")]
    public async Task Every_endpoint_type_must_be_allowed(string[] types, string allowed, ComplianceType expected, string annotation)
    {
        var item = ConfigurationItemBuilder.RestApi("a1b2c3", types).Build(shape);
        var evaluation = await HarnessFor(_rule).EvaluateAsync(item, allowed.Length > 0 ? Params(("allowedEndpointTypes", allowed)) : Params());
        evaluation.ComplianceType.Should().Be(expected);
        evaluation.Annotation.Should().Match(annotation);
    }

    [Test]
    public async Task An_api_without_endpoint_configuration_is_edge_optimized()
    {
        var item = ConfigurationItemBuilder.RestApi("a1b2c3").Without("endpointConfiguration").Build(shape);
        var evaluation = await HarnessFor(_rule).EvaluateAsync(item);
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().StartWith("REST API orders uses endpoint type EDGE (the default when none is set), which is not allowed");
        (await HarnessFor(_rule).EvaluateAsync(item, Params(("allowedEndpointTypes", "EDGE")))).ComplianceType.Should().Be(ComplianceType.Compliant);
    }

    [TestCase("""{"types":[]}""")]
    [TestCase("""{"vpcEndpointIds":["vpce-1"]}""")]
    [TestCase("""{"types":"PRIVATE"}""")]
    [TestCase("""{"types":[{"Ref":"EndpointType"}]}""")]
    public async Task Unreadable_types_are_not_applicable(string endpointConfiguration)
    {
        var item = ConfigurationItemBuilder.RestApi("a1b2c3").With("endpointConfiguration", Json.Raw(endpointConfiguration)).Build(shape);
        var evaluation = await HarnessFor(_rule).EvaluateAsync(item);
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("nothing to judge");
    }

    [Test]
    public async Task The_resource_id_names_the_api_when_the_configuration_has_no_name()
    {
        var item = ConfigurationItemBuilder.RestApi("a1b2c3", "EDGE").Without("name").WithResourceName(null).Build(shape);
        (await HarnessFor(_rule).EvaluateAsync(item)).Annotation.Should().StartWith("REST API a1b2c3 uses endpoint type EDGE");
    }

    [Test]
    public async Task Lambda_functions_are_not_this_rules_type()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
    }
}

public class ApiGatewayEndpointTypeCheckParameterTests
{
    private readonly ApiGatewayEndpointTypeCheck _rule = new();

    [Test]
    public void Private_only_by_default()
    {
        _rule.ParseParameters(Params()).AllowedEndpointTypes.Should().Equal("PRIVATE");
        _rule.ParseParameters(Params(("allowedEndpointTypes", "EDGE,REGIONAL,PRIVATE,EDGE"))).AllowedEndpointTypes.Should().Equal("EDGE", "REGIONAL", "PRIVATE");
    }

    [TestCase("private", "an entry that is not an endpoint type: 'private'; expected a comma-separated list of PRIVATE, REGIONAL, EDGE (uppercase).")]
    [TestCase("PRIVATE,PUBLIC,INTERNET", "2 entries that are not an endpoint type: 'PUBLIC', 'INTERNET'")]
    public void Unknown_endpoint_types_are_named(string value, string expected)
    {
        var parse = () => _rule.ParseParameters(Params(("allowedEndpointTypes", value)));
        parse.Should().Throw<InvalidParameterValueException>().WithMessage($"Invalid parameter for api-gateway-endpoint-type-check: parameter 'allowedEndpointTypes' has {expected}*");
    }

    [Test]
    public void Several_problems_come_in_one_message()
    {
        var parse = () => _rule.ParseParameters(Params(("allowedEndpointTypes", "PUBLIC"), ("endpointTypes", "PRIVATE")));
        parse.Should().Throw<InvalidParameterValueException>().Which.Problems.Should().HaveCount(2);
    }
}
