using System.Text.Json;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;
using ConfigRules.Testing;

namespace ConfigRules.Handlers.Tests.ComplianceNotifier;

public class ComplianceNotifierHandlerTests
{
    [Test]
    public async Task A_publish_that_fails_fails_the_invocation()
    {
        var publisher = new RecordingNoticePublisher { Failure = new HttpRequestException("SNS answered 500 after 4 attempts") };
        var handler = new ComplianceNotifierHandler(publisher, ComplianceTransitionTests.Topic, CatalogRuleMatcher.Default);

        var act = () => handler.HandleAsync(new ComplianceChangeEvents().ToBytes(), CancellationToken.None);

        await act.Should().ThrowAsync<HttpRequestException>().WithMessage("SNS answered 500*");
    }

    [Test]
    public async Task The_response_says_what_was_published()
    {
        var handler = new ComplianceNotifierHandler(new RecordingNoticePublisher(), ComplianceTransitionTests.Topic, CatalogRuleMatcher.Default);

        var body = await handler.HandleJsonAsync(new ComplianceChangeEvents().ToBytes(), CancellationToken.None);

        using var response = JsonDocument.Parse(body);
        response.RootElement.GetProperty("published").GetBoolean().Should().BeTrue();
        response.RootElement.GetProperty("notice").GetString().Should().Be("NON_COMPLIANT");
        response.RootElement.GetProperty("messageId").GetString().Should().Be("message-1");
        response.RootElement.GetProperty("subject").GetString().Should().Be("NON_COMPLIANT: lambda-timeout-check on orders-fn (123456789012/us-east-1)");
    }

    [TestCase(null, "not set")]
    [TestCase("", "not set")]
    [TestCase("config-notices", "'config-notices'")]
    public void The_topic_comes_from_NOTIFICATION_TOPIC_ARN(string? value, string expected)
    {
        var act = () => ComplianceNotifierHandler.FromEnvironment(TestEnvironment.With(ComplianceNotifierHandler.TopicVariable, value), new RecordingNoticePublisher());

        act.Should().Throw<HandlerConfigurationException>()
            .WithMessage($"NOTIFICATION_TOPIC_ARN is {expected}: expected the ARN of the SNS topic*");
    }

    [Test]
    public async Task Publishes_to_the_configured_topic()
    {
        var publisher = new RecordingNoticePublisher();
        var handler = ComplianceNotifierHandler.FromEnvironment(
            TestEnvironment.With(ComplianceNotifierHandler.TopicVariable, " arn:aws:sns:eu-west-1:210987654321:notices "), publisher);

        await handler.HandleAsync(new ComplianceChangeEvents().ToBytes(), CancellationToken.None);

        publisher.Published.Single().TopicArn.Should().Be("arn:aws:sns:eu-west-1:210987654321:notices");
    }
}
