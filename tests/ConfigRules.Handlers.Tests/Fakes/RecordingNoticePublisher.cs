using ConfigRules.Handlers.ComplianceNotifier;

namespace ConfigRules.Handlers.Tests.Fakes;

/// <summary>Records every notice; optionally fails as SNS does after the client gave up.</summary>
public sealed class RecordingNoticePublisher : INoticePublisher
{
    public List<SnsNotice> Published { get; } = [];
    public Exception? Failure { get; set; }

    public Task<string> PublishAsync(SnsNotice notice, CancellationToken cancellationToken)
    {
        if (Failure is not null) return Task.FromException<string>(Failure);
        Published.Add(notice);
        return Task.FromResult($"message-{Published.Count}");
    }
}
