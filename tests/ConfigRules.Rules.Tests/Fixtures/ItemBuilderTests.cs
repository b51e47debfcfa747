using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Rules.Tests.Fixtures;

/// <summary>The fixture builder writes what AWS writes; the rule tests depend on it.</summary>
public class ItemBuilderTests
{
    [Test]
    public void Doubles_stay_doubles_in_both_shapes()
    {
        var builder = ItemBuilder.Function().With("memorySize", Json.Raw("128.0"));
        builder.ToJson(ItemShape.InvokingEvent).Should().Contain("\"memorySize\":128.0");
        builder.ToJson(ItemShape.Api).Should().Contain("\\u0022memorySize\\u0022:128.0");
    }

    [Test]
    public void The_api_shape_carries_configuration_and_supplementary_values_as_strings()
    {
        var json = ItemBuilder.Function().WithSupplementary("Concurrency", Json.Raw("""{"reservedConcurrentExecutions":5}""")).ToJson(ItemShape.Api);
        json.Should().Contain("\"configuration\":\"{").And.Contain("\"Concurrency\":\"{").And.Contain("\"accountId\"").And.Contain("\"arn\"");
        var item = ItemBuilder.Function().WithSupplementary("Concurrency", Json.Raw("""{"reservedConcurrentExecutions":5}""")).Build(ItemShape.Api);
        item.SupplementaryConfiguration["Concurrency"].GetProperty("reservedConcurrentExecutions").GetInt32().Should().Be(5);
        item.AwsAccountId.Should().Be("123456789012");
    }
}
