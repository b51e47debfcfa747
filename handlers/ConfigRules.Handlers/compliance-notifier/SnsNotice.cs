namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>One SNS Publish: what the notifier sends, independent of the wire client that sends it.</summary>
public sealed record SnsNotice(
    string TopicArn,
    string Subject,
    string Message,
    string MessageStructure,
    IReadOnlyList<KeyValuePair<string, string>> StringAttributes)
{
    /// <summary>What SNS counts against its 256 KB limit: the message, and each attribute's name, type and value.</summary>
    public int SizeInBytes =>
        System.Text.Encoding.UTF8.GetByteCount(Message) +
        StringAttributes.Sum(a => System.Text.Encoding.UTF8.GetByteCount(a.Key) + "String".Length + System.Text.Encoding.UTF8.GetByteCount(a.Value));
}

/// <summary>Publishes a notice to SNS; fails (throws) when SNS still refuses after the client's retries.</summary>
public interface INoticePublisher
{
    /// <returns>SNS's MessageId.</returns>
    Task<string> PublishAsync(SnsNotice notice, CancellationToken cancellationToken);
}
