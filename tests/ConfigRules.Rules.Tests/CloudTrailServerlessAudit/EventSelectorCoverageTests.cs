using ConfigRules.Aws.CloudTrail;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.CloudTrailServerlessAudit;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Rules.Tests.CloudTrailServerlessAudit;

public class EventSelectorCoverageTests
{
    private const string Lambda = EventSelectorCoverage.LambdaType;
    private const string S3 = EventSelectorCoverage.S3ObjectType;

    private static EventSelector Basic(string type, string readWrite, params string[] values) =>
        new() { ReadWriteType = readWrite, DataResources = [new DataResource { Type = type, Values = [.. values] }] };

    private static AdvancedEventSelector Advanced(params AdvancedFieldSelector[] fields) => new() { FieldSelectors = [.. fields] };

    private static AdvancedFieldSelector Eq(string field, params string[] values) => new() { Field = field, EqualTo = [.. values] };

    public static IEnumerable<TestCaseData> BasicCases()
    {
        yield return new TestCaseData(Lambda, Basic(Lambda, "All", "arn:aws:lambda"), DataEventCoverage.All).SetName("Basic: every function");
        yield return new TestCaseData(Lambda, Basic(Lambda, "WriteOnly", "arn:aws-us-gov:lambda"), DataEventCoverage.All).SetName("Basic: write-only covers Invoke, any partition");
        yield return new TestCaseData(Lambda, Basic(Lambda, "ReadOnly", "arn:aws:lambda"), DataEventCoverage.Partial).SetName("Basic: read-only misses Invoke");
        yield return new TestCaseData(Lambda, Basic(Lambda, "All", "arn:aws:lambda:eu-west-1:123456789012:function:orders"), DataEventCoverage.Partial).SetName("Basic: one function");
        yield return new TestCaseData(Lambda, Basic(S3, "All", "arn:aws:s3"), DataEventCoverage.None).SetName("Basic: S3 only records no Lambda");
        yield return new TestCaseData(S3, Basic(S3, "All", "arn:aws:s3:::"), DataEventCoverage.All).SetName("Basic: every bucket");
        yield return new TestCaseData(S3, Basic(S3, "WriteOnly", "arn:aws:s3"), DataEventCoverage.Partial).SetName("Basic: S3 writes only");
        yield return new TestCaseData(S3, Basic(S3, "All", "arn:aws:s3:::orders-bucket/"), DataEventCoverage.Partial).SetName("Basic: one bucket");
    }

    [TestCaseSource(nameof(BasicCases))]
    public void Basic_selectors(string type, EventSelector selector, DataEventCoverage expected) =>
        EventSelectorCoverage.Of(type, [selector], null).Should().Be(expected);

    public static IEnumerable<TestCaseData> AdvancedCases()
    {
        yield return new TestCaseData(Lambda, Advanced(Eq("eventCategory", "Data"), Eq("resources.type", Lambda)), DataEventCoverage.All).SetName("Advanced: every function");
        yield return new TestCaseData(Lambda, Advanced(Eq("eventCategory", "Data"), Eq("resources.type", Lambda), Eq("eventName", "Invoke")), DataEventCoverage.All)
            .SetName("Advanced: Invoke by name");
        yield return new TestCaseData(Lambda, Advanced(Eq("eventCategory", "Data"), Eq("resources.type", Lambda), Eq("readOnly", "false")), DataEventCoverage.All)
            .SetName("Advanced: writes keep Invoke");
        yield return new TestCaseData(Lambda, Advanced(Eq("eventCategory", "Data"), Eq("resources.type", Lambda), Eq("readOnly", "true")), DataEventCoverage.Partial)
            .SetName("Advanced: reads only drop Invoke");
        yield return new TestCaseData(Lambda, Advanced(Eq("eventCategory", "Data"), Eq("resources.type", Lambda),
            new AdvancedFieldSelector { Field = "resources.ARN", StartsWith = ["arn:aws:lambda:eu-west-1:123456789012:function:orders"] }), DataEventCoverage.Partial)
            .SetName("Advanced: an ARN prefix narrows");
        yield return new TestCaseData(Lambda, Advanced(Eq("eventCategory", "Data"), Eq("resources.type", Lambda),
            new AdvancedFieldSelector { Field = "resources.ARN", NotStartsWith = ["arn:aws:lambda:eu-west-1:123456789012:function:noisy"] }), DataEventCoverage.Partial)
            .SetName("Advanced: an excluded ARN narrows");
        yield return new TestCaseData(Lambda, Advanced(Eq("eventCategory", "Management")), DataEventCoverage.None).SetName("Advanced: management events only");
        yield return new TestCaseData(S3, Advanced(Eq("eventCategory", "Data"), Eq("resources.type", S3)), DataEventCoverage.All).SetName("Advanced: every bucket");
        yield return new TestCaseData(S3, Advanced(Eq("eventCategory", "Data"), Eq("resources.type", S3), Eq("readOnly", "false")), DataEventCoverage.Partial)
            .SetName("Advanced: S3 writes only");
    }

    [TestCaseSource(nameof(AdvancedCases))]
    public void Advanced_selectors(string type, AdvancedEventSelector selector, DataEventCoverage expected) =>
        EventSelectorCoverage.Of(type, null, [selector]).Should().Be(expected);

    [Test]
    public void No_selectors_known_is_unknown_and_an_empty_list_is_none()
    {
        EventSelectorCoverage.Of(Lambda, null, null).Should().Be(DataEventCoverage.Unknown);
        EventSelectorCoverage.Of(Lambda, [], null).Should().Be(DataEventCoverage.None);
    }

    [Test]
    public async Task Recorded_trail_items_are_read_per_account_with_unknowns_left_unknown()
    {
        var index = new TrailIndex(OfflineSource.RecordedItems);
        index.Add(Trail("main", "123456789012", """
            {"name":"main","isMultiRegionTrail":true,"logFileValidationEnabled":true,
             "eventSelectors":[{"readWriteType":"All","includeManagementEvents":true,"dataResources":[{"type":"AWS::Lambda::Function","values":["arn:aws:lambda"]}]}],
             "insightSelectors":[{"insightType":"ApiCallRateInsight"}]}
            """));
        index.Add(Trail("other", "210987654321", """{"name":"other","isLogging":true}"""));

        var trails = await index.ListTrailsAsync("123456789012", CancellationToken.None);

        var trail = trails.Should().ContainSingle().Subject;
        trail.Should().BeEquivalentTo(new { Name = "main", IsLogging = (bool?)null, IsMultiRegion = true, LogFileValidation = true, LambdaInvokes = DataEventCoverage.All });
        trail.InsightTypes.Should().Equal("ApiCallRateInsight");
        var act = () => index.ListTrailsAsync("999999999999", CancellationToken.None);
        (await act.Should().ThrowAsync<NotInInputException>()).Which.Message.Should().Contain("AWS::CloudTrail::Trail").And.Contain("999999999999");
    }

    private static ConfigurationItem Trail(string name, string account, string configuration) =>
        ConfigurationItemMapper.Parse($$"""
            {"resourceType":"AWS::CloudTrail::Trail","resourceId":"{{name}}","awsAccountId":"{{account}}","awsRegion":"eu-west-1",
             "configurationItemStatus":"OK","configuration":{{configuration}} }
            """);
}
