using System.Text.Json.Nodes;
using ConfigRules.Aws.CloudTrail;
using ConfigRules.Aws.Transport;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Clients;

public sealed class CloudTrailClientTests : LoopbackClientTests
{
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    [Test]
    public async Task DescribeTrails_includes_shadow_trails_and_reads_the_trail_flags()
    {
        Loopback.Server.CloudTrail.Put(new FakeTrail("org-trail", HomeRegion: "eu-west-1", LogFileValidationEnabled: false));
        var client = CloudTrailClient.Create(Loopback.Context);

        var trail = (await client.DescribeTrailsAsync(CancellationToken.None)).Should().ContainSingle().Subject;

        trail.Name.Should().Be("org-trail");
        trail.TrailArn.Should().Be("arn:aws:cloudtrail:eu-west-1:123456789012:trail/org-trail");
        trail.HomeRegion.Should().Be("eu-west-1");
        trail.IsMultiRegionTrail.Should().BeTrue();
        trail.LogFileValidationEnabled.Should().BeFalse();
        var request = Loopback.Server.RequestsFor("cloudtrail", "DescribeTrails").Single().Request;
        request.Header("X-Amz-Target").Should().Be(Target + "DescribeTrails");
        request.Header("Content-Type").Should().Be("application/x-amz-json-1.1");
        request.BodyText.Should().Be("""{"includeShadowTrails":true}""");
    }

    [Test]
    public async Task GetTrailStatus_and_GetEventSelectors_name_the_trail_by_ARN_and_read_basic_selectors()
    {
        var trail = Loopback.Server.CloudTrail.Put(new FakeTrail("main", IsLogging: false, EventSelectors: FakeCloudTrailService.AllDataEvents(lambda: true, s3: true)));
        var client = CloudTrailClient.Create(Loopback.Context);

        (await client.IsLoggingAsync(trail.Arn, CancellationToken.None)).Should().BeFalse();
        var selectors = await client.GetEventSelectorsAsync(trail.Arn, CancellationToken.None);

        selectors.AdvancedEventSelectors.Should().BeNull();
        var basic = selectors.EventSelectors.Should().ContainSingle().Subject;
        basic.ReadWriteType.Should().Be("All");
        basic.DataResources!.Select(d => (d.Type, string.Join(",", d.Values!))).Should().Equal(("AWS::Lambda::Function", "arn:aws:lambda"), ("AWS::S3::Object", "arn:aws:s3"));
        Loopback.Server.RequestsFor("cloudtrail", "GetTrailStatus").Single().Request.BodyText.Should().Be($$"""{"Name":"{{trail.Arn}}"}""");
        Loopback.Server.RequestsFor("cloudtrail", "GetEventSelectors").Single().Request.BodyText.Should().Be($$"""{"TrailName":"{{trail.Arn}}"}""");
    }

    [Test]
    public async Task Advanced_selectors_keep_every_operator()
    {
        var advanced = new JsonArray(new JsonObject
        {
            ["Name"] = "Lambda invokes",
            ["FieldSelectors"] = new JsonArray(
                new JsonObject { ["Field"] = "eventCategory", ["Equals"] = new JsonArray("Data") },
                new JsonObject { ["Field"] = "resources.type", ["Equals"] = new JsonArray("AWS::Lambda::Function") },
                new JsonObject { ["Field"] = "resources.ARN", ["NotStartsWith"] = new JsonArray("arn:aws:lambda:us-east-1:123456789012:function:noisy") }),
        });
        var trail = Loopback.Server.CloudTrail.Put(new FakeTrail("main", AdvancedEventSelectors: advanced));

        var selectors = await CloudTrailClient.Create(Loopback.Context).GetEventSelectorsAsync(trail.Arn, CancellationToken.None);

        selectors.EventSelectors.Should().BeNull();
        var fields = selectors.AdvancedEventSelectors.Should().ContainSingle().Subject.FieldSelectors!;
        fields.Select(f => f.Field).Should().Equal("eventCategory", "resources.type", "resources.ARN");
        fields[1].EqualTo.Should().Equal("AWS::Lambda::Function");
        fields[2].NotStartsWith.Should().Equal("arn:aws:lambda:us-east-1:123456789012:function:noisy");
    }

    [Test]
    public async Task GetInsightSelectors_reads_the_types_and_a_trail_without_Insights_has_none()
    {
        var withInsights = Loopback.Server.CloudTrail.Put(new FakeTrail("insightful", InsightTypes: ["ApiCallRateInsight", "ApiErrorRateInsight"]));
        var without = Loopback.Server.CloudTrail.Put(new FakeTrail("plain"));
        var client = CloudTrailClient.Create(Loopback.Context);

        (await client.GetInsightTypesAsync(withInsights.Arn, CancellationToken.None)).Should().Equal("ApiCallRateInsight", "ApiErrorRateInsight");
        (await client.GetInsightTypesAsync(without.Arn, CancellationToken.None)).Should().BeEmpty();
        Loopback.Server.RequestsFor("cloudtrail", "GetInsightSelectors").Select(r => r.Status).Should().Equal(200, 400);
    }

    [Test]
    public async Task Throttling_is_retried_and_an_unknown_trail_is_an_error_with_its_code()
    {
        var trail = Loopback.Server.CloudTrail.Put(new FakeTrail("main"));
        Loopback.Server.Faults.Throttle("cloudtrail", "GetTrailStatus", times: 1);
        var client = CloudTrailClient.Create(Loopback.Context);

        (await client.IsLoggingAsync(trail.Arn, CancellationToken.None)).Should().BeTrue();
        Loopback.Server.RequestsFor("cloudtrail", "GetTrailStatus").Select(r => r.Status).Should().Equal(400, 200);

        var act = () => client.GetEventSelectorsAsync("arn:aws:cloudtrail:us-east-1:123456789012:trail/gone", CancellationToken.None);
        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("TrailNotFoundException");
        thrown.Message.Should().Contain("CloudTrail GetEventSelectors");
    }
}
