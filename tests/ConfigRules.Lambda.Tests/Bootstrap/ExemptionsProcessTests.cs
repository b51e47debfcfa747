using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>
/// The published bootstrap reads the exemptions document that CONFIGRULES_EXEMPTIONS_URI names from the loopback S3
/// endpoint (path-style, signature checked) and applies it before PutEvaluations; a document it cannot use fails the
/// invocation with InvalidExemptionsException and posts nothing.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ExemptionsProcessTests
{
    private const string Bucket = "governance-config";
    private const string Key = "exemptions/exemptions.yaml";
    private static readonly Dictionary<string, string> WithExemptions = new() { ["CONFIGRULES_EXEMPTIONS_URI"] = $"s3://{Bucket}/{Key}" };

    private static string Document(string expires, string resourceId = "orders-*") => $"""
        exemptions:
          - rule: lambda-runtime-check
            resourceId: {resourceId}
            accountId: "{ConfigurationItemBuilder.DefaultAccountId}"
            reason: Pinned by the vendor's reporting library until its next release.
            owner: payments-team
            ticket: GOV-142
            expires: {expires}
        """;

    private static byte[] DeprecatedRuntime(string name = "orders-api") =>
        ConfigRuleEvents.Change(Function(name, "python3.8"));

    [Test]
    public async Task An_exempted_function_is_posted_NOT_APPLICABLE_with_the_exemption_and_the_document_is_read_once_a_minute()
    {
        await using var function = LoopbackFunction.Start("lambda-runtime-check", aws => aws.S3.PutObject(Bucket, Key, Document("2099-12-31")), WithExemptions);

        var first = await function.InvokeAsync(DeprecatedRuntime());
        var second = await function.InvokeAsync(DeprecatedRuntime("billing-api"));

        first.IsError.Should().BeFalse(first.ToString());
        second.IsError.Should().BeFalse(second.ToString());
        var evaluations = function.Aws.Config.AcceptedEvaluations;
        evaluations.Should().HaveCount(2);
        var exempted = evaluations.Single(e => e.ResourceId == "orders-api");
        exempted.ComplianceType.Should().Be("NOT_APPLICABLE");
        exempted.Annotation.Should().Be("Exempt until 2099-12-31 (payments-team, GOV-142): Pinned by the vendor's reporting library until its next release.");
        evaluations.Single(e => e.ResourceId == "billing-api").ComplianceType.Should().Be("NON_COMPLIANT", "the entry covers orders-* only");
        var read = function.Aws.RequestsFor("s3", "GetObject").Should().ContainSingle("a warm function reuses the document within the minute").Subject;
        read.SignatureValid.Should().BeTrue();
        read.Request.RawPath.Should().Be($"/{Bucket}/{Key}");
        read.Request.Header("x-amz-content-sha256").Should().NotBeNull();
    }

    [Test]
    public async Task After_the_expiry_day_the_finding_is_posted_and_says_that_the_exemption_expired()
    {
        await using var function = LoopbackFunction.Start("lambda-runtime-check", aws => aws.S3.PutObject(Bucket, Key, Document("2020-01-31")), WithExemptions);

        var outcome = await function.InvokeAsync(DeprecatedRuntime());

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var evaluation = function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().StartWith("Exemption expired on 2020-01-31. ").And.Contain("python3.8");
    }

    [Test]
    public async Task An_invalid_document_fails_the_invocation_posts_nothing_and_is_read_again_next_time()
    {
        await using var function = LoopbackFunction.Start("lambda-runtime-check",
            aws => aws.S3.PutObject(Bucket, Key, Document("2099-13-01")), WithExemptions);

        var failed = await function.InvokeAsync(DeprecatedRuntime());
        function.Aws.S3.PutObject(Bucket, Key, Document("2099-12-31"));
        var fixedAfterwards = await function.InvokeAsync(DeprecatedRuntime());

        failed.IsError.Should().BeTrue();
        failed.ErrorType.Should().Be("InvalidExemptionsException");
        failed.ErrorMessage.Should().Contain($"s3://{Bucket}/{Key}:8: entry 1, expires: '2099-13-01' is not a date");
        fixedAfterwards.IsError.Should().BeFalse(fixedAfterwards.ToString());
        function.Aws.RequestsFor("s3", "GetObject").Should().HaveCount(2, "a refused document is never cached");
        function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Which.ComplianceType.Should().Be("NOT_APPLICABLE");
    }

    [Test]
    public async Task A_missing_object_fails_the_invocation_naming_it_and_posts_nothing()
    {
        await using var function = LoopbackFunction.Start("lambda-runtime-check", aws => aws.S3.CreateBucket(Bucket), WithExemptions);

        var outcome = await function.InvokeAsync(DeprecatedRuntime());

        outcome.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("InvalidExemptionsException");
        outcome.ErrorMessage.Should().Contain($"Cannot read the exemptions document s3://{Bucket}/{Key}").And.Contain("NoSuchKey");
        function.Aws.RequestsFor("config", "PutEvaluations").Should().BeEmpty();
    }
}
