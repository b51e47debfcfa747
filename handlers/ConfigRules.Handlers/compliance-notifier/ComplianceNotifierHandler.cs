using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Handlers.Json;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>
/// The compliance-notifier handler: one Config compliance change in, at most one SNS notice out. A publish
/// that still fails after the client's retries throws, so the invocation fails and EventBridge retries it.
/// </summary>
public sealed class ComplianceNotifierHandler(INoticePublisher publisher, string topicArn, CatalogRuleMatcher matcher)
{
    public const string HandlerName = "compliance-notifier";
    public const string TopicVariable = "NOTIFICATION_TOPIC_ARN";

    /// <summary>The handler configured from the function's environment; a missing topic is a configuration error.</summary>
    public static ComplianceNotifierHandler FromEnvironment(IEnvironmentVariables environment, INoticePublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var topic = environment.Get(TopicVariable)?.Trim();
        if (string.IsNullOrWhiteSpace(topic) || !topic.StartsWith("arn:", StringComparison.Ordinal))
            throw new HandlerConfigurationException(
                $"{TopicVariable} is {(string.IsNullOrWhiteSpace(topic) ? "not set" : $"'{topic}'")}: expected the ARN of the SNS topic to publish notices to (arn:aws:sns:<region>:<account>:<name>).");
        return new ComplianceNotifierHandler(publisher, topic, CatalogRuleMatcher.Default);
    }

    public async Task<NotifierResult> HandleAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var change = ComplianceChangeParser.Parse(payload.Span);
        var kind = ComplianceTransition.Classify(change.OldComplianceType, change.NewComplianceType, change.Annotation);
        if (kind == NoticeKind.None)
        {
            return new NotifierResult
            {
                Published = false,
                Reason = $"{Describe(change.OldComplianceType)} -> {change.NewComplianceType.ToWire()} does not cross NON_COMPLIANT: nothing to announce.",
            };
        }

        var notice = ComplianceNotice.For(kind, change, matcher);
        var message = SnsMessageComposer.Compose(notice, topicArn);
        var messageId = await publisher.PublishAsync(message, cancellationToken);
        return new NotifierResult
        {
            Published = true,
            Notice = kind.Label(),
            Subject = message.Subject,
            MessageId = messageId,
            Reason = $"{Describe(change.OldComplianceType)} -> {change.NewComplianceType.ToWire()}.",
        };
    }

    /// <summary>The invocation's response body.</summary>
    public async Task<byte[]> HandleJsonAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeToUtf8Bytes(await HandleAsync(payload, cancellationToken), HandlersJsonContext.Default.NotifierResult);

    private static string Describe(ComplianceType? type) => type?.ToWire() ?? "(first result)";
}

/// <summary>What the notifier did with one event: the invocation's response.</summary>
public sealed class NotifierResult
{
    public required bool Published { get; init; }
    public string? Notice { get; init; }
    public string? Subject { get; init; }
    public string? MessageId { get; init; }
    public required string Reason { get; init; }
}
