using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.CloudTrailServerlessAudit;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.CloudTrailServerlessAudit;

public class CloudTrailServerlessAuditCheckTests
{
    private const string Account = "123456789012";
    private static readonly IReadOnlyList<string> BothInsights = ["ApiCallRateInsight", "ApiErrorRateInsight"];
    private readonly CloudTrailServerlessAuditCheck _rule = new();

    private static TrailFacts Good(string name = "org-trail") =>
        new(name, true, true, true, DataEventCoverage.All, DataEventCoverage.None, BothInsights);

    private Task<Framework.Evaluation.Evaluation> Run(IReadOnlyList<TrailFacts> trails, params (string, string)[] parameters) =>
        HarnessFor(_rule, RuleServices.Empty.Add<ITrailLookup>(new FakeTrailLookup(trails))).EvaluateAsync(AccountItem.For(Account, "eu-west-1", null), Params(parameters));

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new[] { Good() }, Array.Empty<(string, string)>(), ComplianceType.Compliant,
            "Trail org-trail logs every region with Lambda data events, both Insights types, log file validation.").SetName("A complete trail complies");
        yield return new TestCaseData(Array.Empty<TrailFacts>(), Array.Empty<(string, string)>(), ComplianceType.NonCompliant,
            "No CloudTrail trail records account 123456789012 in this region; create a logging multi-region trail with Lambda data events, both Insights types, log file validation.")
            .SetName("No trail");
        yield return new TestCaseData(new[] { Good() with { IsLogging = false } }, Array.Empty<(string, string)>(), ComplianceType.NonCompliant,
            "No trail meets the audit requirements. Trail org-trail: not logging.").SetName("A stopped trail");
        yield return new TestCaseData(new[] { Good() with { IsMultiRegion = false } }, Array.Empty<(string, string)>(), ComplianceType.NonCompliant,
            "*Trail org-trail: not multi-region.").SetName("A single-region trail");
        yield return new TestCaseData(new[] { Good() with { LogFileValidation = false } }, Array.Empty<(string, string)>(), ComplianceType.NonCompliant,
            "*log file validation off.").SetName("Log file validation off");
        yield return new TestCaseData(new[] { Good() with { LogFileValidation = false } }, new[] { ("requireLogFileValidation", "false") }, ComplianceType.Compliant,
            "Trail org-trail logs every region with Lambda data events, both Insights types.").SetName("Log file validation not required");
        yield return new TestCaseData(new[] { Good() with { InsightTypes = ["ApiCallRateInsight"] } }, Array.Empty<(string, string)>(), ComplianceType.NonCompliant,
            "*Trail org-trail: no ApiErrorRateInsight.").SetName("One Insights type only");
        yield return new TestCaseData(new[] { Good() with { InsightTypes = [] } }, Array.Empty<(string, string)>(), ComplianceType.NonCompliant,
            "*no ApiCallRateInsight or ApiErrorRateInsight.").SetName("No Insights");
        yield return new TestCaseData(new[] { Good() with { InsightTypes = [] } }, new[] { ("requireInsights", "false") }, ComplianceType.Compliant, "*")
            .SetName("Insights not required");
        yield return new TestCaseData(new[] { Good() with { LambdaInvokes = DataEventCoverage.None } }, Array.Empty<(string, string)>(), ComplianceType.NonCompliant,
            "*no Lambda Invoke data events.").SetName("No Lambda data events");
        yield return new TestCaseData(new[] { Good() with { LambdaInvokes = DataEventCoverage.Partial } }, Array.Empty<(string, string)>(), ComplianceType.NonCompliant,
            "*Lambda Invoke data events for some functions only.").SetName("Lambda data events for some functions");
        yield return new TestCaseData(new[] { Good() }, new[] { ("requireS3DataEvents", "true") }, ComplianceType.NonCompliant,
            "*no S3 object data events.").SetName("S3 data events required and missing");
        yield return new TestCaseData(new[] { Good() with { S3Objects = DataEventCoverage.All } }, new[] { ("requireS3DataEvents", "true") }, ComplianceType.Compliant,
            "*S3 data events*").SetName("S3 data events required and recorded");
        yield return new TestCaseData(new[] { Good("bad") with { IsLogging = false, InsightTypes = [] }, Good("good") }, Array.Empty<(string, string)>(), ComplianceType.Compliant,
            "Trail good logs*").SetName("One good trail among several is enough");
        yield return new TestCaseData(new[] { Good("a") with { IsLogging = false }, Good("b") with { IsLogging = false, IsMultiRegion = false } }, Array.Empty<(string, string)>(),
            ComplianceType.NonCompliant, "No trail meets the audit requirements. Trail a: not logging (1 other trail(s) fall short too).").SetName("The closest trail is named");
        yield return new TestCaseData(new[] { Good() with { IsLogging = null } }, Array.Empty<(string, string)>(), ComplianceType.NotApplicable,
            "Trail org-trail meets what is known of it, but whether it is logging is unknown*").SetName("Unknown status is not a guess");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Judges_the_account(TrailFacts[] trails, (string, string)[] parameters, ComplianceType expected, string annotation)
    {
        var evaluation = await Run(trails, parameters);
        evaluation.ComplianceResourceType.Should().Be("AWS::::Account");
        evaluation.ComplianceResourceId.Should().Be(Account);
        evaluation.ComplianceType.Should().Be(expected);
        evaluation.Annotation.Should().Match(annotation);
    }

    [Test]
    public void The_definition_is_periodic_only_on_the_account()
    {
        _rule.Definition.Triggers.Should().Be(RuleTriggers.Periodic);
        _rule.Definition.ResourceTypes.Should().Equal("AWS::::Account");
        _rule.Definition.RelatedResourceTypes.Should().Equal("AWS::CloudTrail::Trail");
    }

    [Test]
    public async Task A_trail_resource_of_a_template_is_judged_on_its_own_properties()
    {
        var item = ConfigurationItemMapper.Parse("""
            {"resourceType":"AWS::CloudTrail::Trail","resourceId":"AuditTrail","configurationItemStatus":"OK",
             "configuration":{"IsLogging":true,"IsMultiRegionTrail":true,"EnableLogFileValidation":false,
               "AdvancedEventSelectors":[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::Lambda::Function"]}]}],
               "InsightSelectors":[{"InsightType":"ApiCallRateInsight"},{"InsightType":"ApiErrorRateInsight"}]}}
            """);

        var verdict = await HarnessFor(_rule, RuleServices.Empty).JudgeAsync(item);

        verdict.Compliance.Should().Be(ComplianceType.NonCompliant);
        verdict.Annotation.Should().Be("Trail AuditTrail: log file validation off.");
    }
}

internal sealed class FakeTrailLookup(IReadOnlyList<TrailFacts> trails) : ITrailLookup
{
    public Task<IReadOnlyList<TrailFacts>> ListTrailsAsync(string accountId, CancellationToken cancellationToken) => Task.FromResult(trails);
}
