using System.Text;
using System.Text.Json;
using ConfigRules.Handlers.Tests.Fakes;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.Bootstrap;

/// <summary>
/// compliance-notifier end to end: the published bootstrap as a process, EventBridge events from the loopback
/// Runtime API, signed SNS Publish calls to the loopback AWS account.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class ComplianceNotifierProcessTests
{
    private const string Handler = "compliance-notifier";

    private static LoopbackFunction Start() =>
        LoopbackFunction.Start(Handler, aws => new Dictionary<string, string> { ["NOTIFICATION_TOPIC_ARN"] = aws.Sns.AddTopic() });

    public static IEnumerable<TestCaseData> Transitions() =>
        from old in new string?[] { null, "COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA" }
        from next in new[] { "COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA" }
        let expected = next == "NON_COMPLIANT" && old != "NON_COMPLIANT" ? "NON_COMPLIANT"
            : old == "NON_COMPLIANT" && next != "NON_COMPLIANT" ? "RESOLVED"
            : null
        select new TestCaseData(old, next, expected).SetArgDisplayNames(old ?? "(first)", next);

    [TestCaseSource(nameof(Transitions))]
    public async Task Each_transition_publishes_exactly_when_it_crosses_non_compliant(string? old, string next, string? expectedNotice)
    {
        await using var function = Start();

        var outcome = await function.InvokeAsync(new ComplianceChangeEvents { OldType = old, NewType = next }.ToBytes());

        outcome.IsError.Should().BeFalse(outcome.ToString());
        outcome.Json.GetProperty("published").GetBoolean().Should().Be(expectedNotice is not null);
        if (expectedNotice is null)
        {
            function.Aws.Requests.Should().BeEmpty("nothing to announce means no SNS call");
            return;
        }
        var message = function.Aws.Sns.Published.Should().ContainSingle().Subject;
        message.Subject.Should().Be($"{(expectedNotice == "RESOLVED" ? "RESOLVED" : "NON_COMPLIANT")}: lambda-timeout-check on orders-fn (123456789012/us-east-1)");
        message.MessageStructure.Should().Be("json");
        message.Attributes.ToDictionary(a => a.Key, a => a.Value).Should().BeEquivalentTo(new Dictionary<string, (string, string)>
        {
            ["notice"] = ("String", expectedNotice),
            ["complianceType"] = ("String", next),
            ["configRuleName"] = ("String", "lambda-timeout-check"),
            ["resourceType"] = ("String", "AWS::Lambda::Function"),
            ["resourceId"] = ("String", "orders-fn"),
            ["awsAccountId"] = ("String", "123456789012"),
            ["awsRegion"] = ("String", "us-east-1"),
            ["severity"] = ("String", "medium"),
        });
        using var body = JsonDocument.Parse(message.Message);
        using var document = JsonDocument.Parse(body.RootElement.GetProperty("sqs").GetString()!);
        document.RootElement.GetProperty("notice").GetString().Should().Be(expectedNotice);
        outcome.Json.GetProperty("messageId").GetString().Should().Be(message.MessageId);
        function.Aws.Requests.Should().OnlyContain(r => r.SignatureValid && r.Status == 200, "every call is signed with the function's credentials");
    }

    [Test]
    public async Task A_large_annotation_is_cut_and_sns_accepts_the_message()
    {
        await using var function = Start();

        var outcome = await function.InvokeAsync(new ComplianceChangeEvents { Annotation = string.Concat(Enumerable.Repeat("Timeout \"900\" s \u00e9 ", 40_000)) }.ToBytes());

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var message = function.Aws.Sns.Published.Should().ContainSingle().Subject;
        var size = Encoding.UTF8.GetByteCount(message.Message) + message.Attributes.Sum(a => a.Key.Length + a.Value.DataType.Length + Encoding.UTF8.GetByteCount(a.Value.Value));
        size.Should().BeLessThanOrEqualTo(FakeSnsService.MaxMessageBytes).And.BeGreaterThan(FakeSnsService.MaxMessageBytes - 4096);
        using var body = JsonDocument.Parse(message.Message);
        using var document = JsonDocument.Parse(body.RootElement.GetProperty("lambda").GetString()!);
        document.RootElement.GetProperty("annotationTruncated").GetBoolean().Should().BeTrue();
        body.RootElement.GetProperty("email").GetString().Should().Contain("[cut to fit the SNS size limit]");
    }

    [Test]
    public async Task A_publish_that_fails_is_retried_and_succeeds()
    {
        await using var function = Start();
        function.Aws.Faults.ServerError("sns", "Publish", 500, times: 2);

        var outcome = await function.InvokeAsync(new ComplianceChangeEvents().ToBytes());

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.RequestsFor("sns", "Publish").Select(r => r.Status).Should().Equal(500, 500, 200);
        function.Aws.Sns.Published.Should().ContainSingle();
    }

    [Test]
    public async Task A_publish_that_keeps_failing_fails_the_invocation_and_the_next_one_is_served()
    {
        await using var function = Start();
        function.Aws.Faults.Error("sns", "Publish", 403, "AuthorizationError", "User is not authorized to perform: SNS:Publish");

        var failed = await function.InvokeAsync(new ComplianceChangeEvents().ToBytes());
        var next = await function.InvokeAsync(new ComplianceChangeEvents { OldType = "NON_COMPLIANT", NewType = "COMPLIANT" }.ToBytes());

        failed.IsError.Should().BeTrue(failed.ToString());
        failed.ErrorType.Should().Be("AuthorizationError");
        failed.ErrorMessage.Should().Contain("Publish");
        next.IsError.Should().BeFalse(next.ToString());
        function.Aws.Sns.Published.Should().ContainSingle().Which.Subject.Should().StartWith("RESOLVED: ");
    }

    [Test]
    public async Task A_malformed_event_fails_with_InvalidEventException()
    {
        await using var function = Start();

        var outcome = await function.InvokeAsync(Encoding.UTF8.GetBytes("""{"detail-type":"Config Configuration Item Change","detail":{}}"""));

        outcome.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("InvalidEventException");
        outcome.ErrorMessage.Should().Contain("expected \"Config Rules Compliance Change\"");
        function.Aws.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task Without_NOTIFICATION_TOPIC_ARN_initialization_fails_naming_it()
    {
        await using var function = LoopbackFunction.Start(Handler);

        var init = await function.RuntimeApi.WaitForInitErrorAsync(LoopbackFunction.Wait);

        init.ErrorType.Should().Be("HandlerConfigurationException");
        init.ErrorMessage.Should().Contain("NOTIFICATION_TOPIC_ARN is not set");
    }
}
