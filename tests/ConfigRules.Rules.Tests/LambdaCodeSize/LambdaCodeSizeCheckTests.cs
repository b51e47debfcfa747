using System.Text.Json.Nodes;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Rules.LambdaCodeSize;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaCodeSize;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class LambdaCodeSizeCheckTests(ItemShape shape)
{
    private const long TenMb = 10485760;
    private readonly LambdaCodeSizeCheck _rule = new();

    private static JsonArray Layers(params string[] sizes)
    {
        var layers = new JsonArray();
        for (var i = 0; i < sizes.Length; i++)
        {
            var layer = new JsonObject { ["arn"] = $"arn:aws:lambda:eu-west-1:123456789012:layer:shared-{i}:3" };
            if (sizes[i].Length > 0) layer["codeSize"] = Json.Raw(sizes[i]);
            layers.Add((JsonNode)layer);
        }
        return layers;
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("10485760", Layers(), "", ComplianceType.Compliant,
            "Code size 10485760 bytes (10 MB) is within the maximum of 10485760 bytes (10 MB).").SetName("equal to the maximum");
        yield return new TestCaseData("10485761", Layers(), "", ComplianceType.NonCompliant,
            "Code size 10485761 bytes (10 MB) exceeds the maximum of 10485760 bytes (10 MB); shrink the package or its layers, or raise lambda-code-size-check's maxCodeSizeBytes.")
            .SetName("one byte over");
        yield return new TestCaseData("8388608.0", Layers("1048576", "1048576.0"), "", ComplianceType.Compliant, "*within*").SetName("layers reach the maximum exactly (doubles)");
        yield return new TestCaseData("8388608", Layers("1048576", "1048577"), "", ComplianceType.NonCompliant,
            "Code size 10485761 bytes (10 MB; function 8388608 + 2 layers 2097153) exceeds the maximum of 10485760 bytes (10 MB);*").SetName("layers push it over");
        yield return new TestCaseData("8388608", Layers("1048576", "1048577"), "false", ComplianceType.Compliant, "Code size 8388608 bytes (8 MB)*").SetName("layers not counted");
        yield return new TestCaseData("10485761", Layers(), "false", ComplianceType.NonCompliant, "*exceeds*").SetName("over without layers");
        yield return new TestCaseData("1000", Layers("", "5"), "", ComplianceType.NotApplicable,
            "Code size is at least 1005 bytes (maximum 10485760 bytes (10 MB)), but the size of layer arn:aws:lambda:eu-west-1:123456789012:layer:shared-0:3 is not recorded, so the total is unknown.")
            .SetName("a layer of unknown size");
        yield return new TestCaseData("10485761", Layers(""), "", ComplianceType.NonCompliant, "*exceeds*").SetName("over even without the unknown layer");
        yield return new TestCaseData("1000", Layers(""), "false", ComplianceType.Compliant, "*within*").SetName("unknown layer not counted");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Size_is_judged_against_the_maximum(string codeSize, JsonArray layers, string includeLayers, ComplianceType expected, string annotation)
    {
        var item = ConfigurationItemBuilder.LambdaFunction().With("codeSize", Json.Raw(codeSize)).With("layers", layers.DeepClone()).Build(shape);
        var parameters = includeLayers.Length > 0 ? Params(("includeLayers", includeLayers)) : Params();
        var evaluation = await HarnessFor(_rule).EvaluateAsync(item, parameters);
        evaluation.ComplianceType.Should().Be(expected);
        evaluation.Annotation.Should().Match(annotation);
        evaluation.Annotation!.Length.Should().BeLessThanOrEqualTo(256);
    }

    [Test]
    public async Task A_small_maximum_reads_in_bytes()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().With("codeSize", 2048).Build(shape), Params(("maxCodeSizeBytes", "1024")));
        evaluation.Annotation.Should().StartWith("Code size 2048 bytes exceeds the maximum of 1024 bytes;");
    }

    [Test]
    public async Task A_missing_code_size_is_not_applicable()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Without("codeSize").Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("no codeSize");
    }

    [Test]
    public async Task Container_images_are_not_applicable()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaContainerImageFunction().With("codeSize", TenMb * 100).Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("container image");
    }
}

public class LambdaCodeSizeCheckParameterTests
{
    private readonly LambdaCodeSizeCheck _rule = new();

    [Test]
    public void Defaults_come_from_the_catalog()
    {
        _rule.ParseParameters(Params()).Should().Be(new LambdaCodeSizeCheckParameters(10485760, true));
        _rule.ParseParameters(Params(("includeLayers", "FALSE"), ("maxCodeSizeBytes", "5242880.0"))).Should().Be(new LambdaCodeSizeCheckParameters(5242880, false));
    }

    [TestCase("maxCodeSizeBytes", "0", "'maxCodeSizeBytes' value '0' is not valid; expected a whole number of at least 1.")]
    [TestCase("maxCodeSizeBytes", "10MB", "'maxCodeSizeBytes' value '10MB' is not valid")]
    [TestCase("includeLayers", "yes", "'includeLayers' value 'yes' is not valid; expected true or false.")]
    public void A_bad_parameter_is_named(string name, string value, string expected)
    {
        var parse = () => _rule.ParseParameters(Params((name, value)));
        parse.Should().Throw<InvalidParameterValueException>().WithMessage($"Invalid parameter for lambda-code-size-check: *{expected}*");
    }

    [Test]
    public void Both_problems_come_in_one_message()
    {
        var parse = () => _rule.ParseParameters(Params(("maxCodeSizeBytes", "-1"), ("includeLayers", "1")));
        parse.Should().Throw<InvalidParameterValueException>().Which.Problems.Should().HaveCount(2);
    }
}
