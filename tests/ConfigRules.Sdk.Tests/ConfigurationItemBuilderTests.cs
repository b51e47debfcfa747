using System.Text.Json.Nodes;
using ConfigRules.Framework.Model;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Sdk.Tests;

/// <summary>The builder writes what AWS writes, in both shapes; every rule test depends on it.</summary>
[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public sealed class ConfigurationItemBuilderTests(ItemShape shape)
{
    [Test]
    public void Doubles_stay_doubles()
    {
        // 128.0 parsed as written; a double value would print as 128 and hide what a rule must read.
        var json = ConfigurationItemBuilder.LambdaFunction().With("memorySize", JsonNode.Parse("128.0")).ToJson(shape);
        json.Should().Contain(shape == ItemShape.InvokingEvent ? "\"memorySize\":128.0" : "\\u0022memorySize\\u0022:128.0");
    }

    [Test]
    public void Relationships_creation_time_and_supplementary_configuration_reach_the_item()
    {
        var created = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var item = ConfigurationItemBuilder.LambdaFunction("orders")
            .WithRelationship("AWS::IAM::Role", "AROA0000000000000001", "orders-role", "Is associated with ")
            .WithSupplementary("Concurrency", new JsonObject { ["reservedConcurrentExecutions"] = 5 })
            .CreatedAt(created)
            .Build(shape);

        // Config writes the name with a trailing space; the mapper reads it trimmed.
        item.Relationships.Should().Equal(new Relationship("AWS::IAM::Role", "AROA0000000000000001", "orders-role", "Is associated with"));
        item.ResourceCreationTime.Should().Be(created);
        item.CaptureTime.Should().Be(ConfigurationItemBuilder.DefaultCaptureTime);
        item.SupplementaryConfiguration["Concurrency"].GetProperty("reservedConcurrentExecutions").GetInt32().Should().Be(5);
        item.AwsAccountId.Should().Be(ConfigurationItemBuilder.DefaultAccountId);
    }

    [Test]
    public void A_function_moved_to_another_account_carries_its_arns_along()
    {
        var item = ConfigurationItemBuilder.LambdaFunction("orders").InAccount("210987654321", "eu-west-1").Build(shape);

        item.Arn.Should().Be("arn:aws:lambda:eu-west-1:210987654321:function:orders");
        item.Configuration.GetProperty("functionArn").GetString().Should().Be(item.Arn);
        item.Configuration.GetProperty("role").GetString().Should().Be("arn:aws:iam::210987654321:role/orders-role");
        (item.AwsAccountId, item.AwsRegion).Should().Be(("210987654321", "eu-west-1"));
    }

    [Test]
    public void A_container_image_function_has_no_runtime_and_no_handler()
    {
        var configuration = ConfigurationItemBuilder.LambdaContainerImageFunction().Build(shape).Configuration;

        configuration.GetProperty("packageType").GetString().Should().Be("Image");
        configuration.TryGetProperty("runtime", out _).Should().BeFalse();
        configuration.TryGetProperty("handler", out _).Should().BeFalse();
    }

    [Test]
    public void A_stage_is_named_by_its_arn_in_whichever_region_it_is_recorded()
    {
        var item = ConfigurationItemBuilder.RestApiStage("prod", "a1b2c3").InAccount(ConfigurationItemBuilder.DefaultAccountId, "eu-west-1").Build(shape);

        item.ResourceType.Should().Be("AWS::ApiGateway::Stage");
        item.ResourceId.Should().Be("arn:aws:apigateway:eu-west-1::/restapis/a1b2c3/stages/prod").And.Be(item.Arn);
        item.ResourceName.Should().Be("prod");
    }

    [Test]
    public void A_resource_name_can_be_left_out()
    {
        ConfigurationItemBuilder.RestApi("a1b2c3").WithResourceName(null).Build(shape).ResourceName.Should().BeNull();
    }
}

/// <summary>What only one shape writes.</summary>
public sealed class ConfigurationItemBuilderShapeTests
{
    [Test]
    public void The_api_shape_carries_configuration_and_supplementary_values_as_json_strings()
    {
        var json = ConfigurationItemBuilder.LambdaFunction()
            .WithSupplementary("Concurrency", new JsonObject { ["reservedConcurrentExecutions"] = 5 })
            .WithRelationship("AWS::IAM::Role", "AROA0000000000000001", "orders-role", "Is associated with ")
            .ToJsonObject(ItemShape.Api);

        json["configuration"]!.GetValue<string>().Should().StartWith("{");
        json["supplementaryConfiguration"]!["Concurrency"]!.GetValue<string>().Should().Be("""{"reservedConcurrentExecutions":5}""");
        json["relationships"]![0]!["relationshipName"]!.GetValue<string>().Should().Be("Is associated with ");
        json.Select(property => property.Key).Should().Contain(["accountId", "arn", "version"]).And.NotContain(["awsAccountId", "ARN"]);
    }

    [Test]
    public void The_event_shape_writes_what_change_notifications_and_snapshots_hold()
    {
        var json = ConfigurationItemBuilder.LambdaFunction()
            .WithRelationship("AWS::IAM::Role", "AROA0000000000000001", "orders-role", "Is associated with ")
            .ToJsonObject(ItemShape.InvokingEvent);

        json["configuration"].Should().BeOfType<JsonObject>();
        json["relationships"]![0]!["name"]!.GetValue<string>().Should().Be("Is associated with ");
        json["configurationItemCaptureTime"]!.GetValue<string>().Should().Be("2026-01-15T08:30:00.000Z");
        json.Select(property => property.Key).Should().Contain(["awsAccountId", "ARN", "configurationItemVersion", "relatedEvents"]);
    }

    [Test]
    public void A_deleted_item_has_no_configuration()
    {
        ConfigurationItemBuilder.LambdaFunction().WithStatus(ConfigurationItemStatus.ResourceDeleted).Build().HasConfiguration.Should().BeFalse();
    }
}
