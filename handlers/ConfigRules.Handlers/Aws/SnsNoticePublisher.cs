using ConfigRules.Aws.Sns;
using ConfigRules.Handlers.ComplianceNotifier;

namespace ConfigRules.Handlers.Aws;

/// <summary>Notices over the shared SNS client (awsQuery Publish; retries and deadline are the client's).</summary>
public sealed class SnsNoticePublisher(SnsClient client) : INoticePublisher
{
    public Task<string> PublishAsync(SnsNotice notice, CancellationToken cancellationToken) =>
        client.PublishAsync(
            notice.TopicArn,
            notice.Subject,
            notice.Message,
            notice.MessageStructure,
            notice.StringAttributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
            cancellationToken);
}
