using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaMemorySize;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaMemorySize;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class LambdaMemorySizeCheckTests(ItemShape shape)
{
    private readonly LambdaMemorySizeCheck _rule = new();

    [TestCase("128", "", "", ComplianceType.Compliant, "Memory 128 MB is within 128-3008 MB.", TestName = "equal to the default minimum")]
    [TestCase("3008", "", "", ComplianceType.Compliant, "Memory 3008 MB is within 128-3008 MB.", TestName = "equal to the default maximum")]
    [TestCase("3009", "", "", ComplianceType.NonCompliant,
        "Memory 3009 MB is above the maximum of 3008 MB; lower MemorySize or raise lambda-memory-size-check's maxMemorySize.", TestName = "one above the maximum")]
    [TestCase("10240.0", "", "", ComplianceType.NonCompliant,
        "Memory 10240 MB is above the maximum of 3008 MB; lower MemorySize or raise lambda-memory-size-check's maxMemorySize.", TestName = "a double above the maximum")]
    [TestCase("512.0", "", "", ComplianceType.Compliant, "Memory 512 MB is within 128-3008 MB.", TestName = "a double within the range")]
    [TestCase("\"1024\"", "", "", ComplianceType.Compliant, "Memory 1024 MB is within 128-3008 MB.", TestName = "a number as text")]
    [TestCase("255", "256", "512", ComplianceType.NonCompliant,
        "Memory 255 MB is below the minimum of 256 MB; raise MemorySize or lower lambda-memory-size-check's minMemorySize.", TestName = "one below a set minimum")]
    [TestCase("256", "256", "256", ComplianceType.Compliant, "Memory 256 MB is within 256-256 MB.", TestName = "a single-value range")]
    [TestCase("513", "256", "512.0", ComplianceType.NonCompliant, "Memory 513 MB is above the maximum of 512 MB;*", TestName = "maximum given as a double")]
    public async Task Memory_is_judged_against_the_inclusive_range(string memoryJson, string min, string max, ComplianceType expected, string annotation)
    {
        var item = ConfigurationItemBuilder.LambdaFunction().With("memorySize", Json.Raw(memoryJson)).Build(shape);
        var parameters = new Dictionary<string, string>();
        if (min.Length > 0) parameters["minMemorySize"] = min;
        if (max.Length > 0) parameters["maxMemorySize"] = max;
        var evaluation = await HarnessFor(_rule).EvaluateAsync(item, parameters);
        evaluation.ComplianceType.Should().Be(expected);
        evaluation.Annotation.Should().Match(annotation);
    }

    [Test]
    public async Task A_missing_memory_size_is_not_applicable()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Without("memorySize").Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Be("The configuration records no memorySize, so there is nothing to judge.");
    }

    [TestCase("""{"Ref":"MemoryParam"}""")]
    [TestCase("128.5")]
    [TestCase("\"large\"")]
    public async Task A_memory_size_that_is_not_a_whole_number_is_not_applicable(string json)
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().With("memorySize", Json.Raw(json)).Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("memorySize is not a whole number");
    }

    [Test]
    public async Task Container_images_are_judged_too()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaContainerImageFunction().With("memorySize", 4096).Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
    }
}

public class LambdaMemorySizeCheckParameterTests
{
    private readonly LambdaMemorySizeCheck _rule = new();

    [Test]
    public void Defaults_come_from_the_catalog()
    {
        _rule.ParseParameters(Params()).Should().Be(new NumberRange(128, 3008));
    }

    [TestCase("minMemorySize", "64", "'minMemorySize' value '64' is not valid; expected a whole number from 128 to 10240.")]
    [TestCase("maxMemorySize", "20000", "'maxMemorySize' value '20000' is not valid; expected a whole number from 128 to 10240.")]
    [TestCase("maxMemorySize", "big", "'maxMemorySize' value 'big' is not valid")]
    [TestCase("minMemorySize", "4096", "'minMemorySize' (4096) is above 'maxMemorySize' (3008)")]
    [TestCase("memorySize", "4096", "unknown parameter 'memorySize' (accepted: minMemorySize, maxMemorySize)")]
    public void A_bad_parameter_is_named(string name, string value, string expected)
    {
        var parse = () => _rule.ParseParameters(Params((name, value)));
        parse.Should().Throw<InvalidParameterValueException>().WithMessage($"Invalid parameter for lambda-memory-size-check: *{expected}*");
    }

    [Test]
    public void Min_above_max_is_reported_with_the_other_problems()
    {
        var parse = () => _rule.ParseParameters(Params(("minMemorySize", "2048"), ("maxMemorySize", "1024"), ("maxMemory", "1")));
        var error = parse.Should().Throw<InvalidParameterValueException>().Which;
        error.Problems.Should().HaveCount(2);
        error.Message.Should().Contain("(1) unknown parameter 'maxMemory'").And.Contain("(2) parameter 'minMemorySize' (2048) is above 'maxMemorySize' (1024)");
    }
}
