using System.Globalization;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Sns;

/// <summary>Amazon SNS over awsQuery (Version 2010-03-31): Publish for the compliance notifier.</summary>
public sealed class SnsClient(AwsTransport transport, AwsEndpoint endpoint)
{
    public const string ApiVersion = "2010-03-31";
    private readonly AwsQueryProtocol _protocol = new(transport, AwsService.Sns, endpoint, ApiVersion);

    public static SnsClient Create(AwsClientContext context) => new(context.Transport, context.EndpointFor(AwsService.Sns));

    /// <summary>
    /// Publish to a topic. <paramref name="messageStructure"/> is null or "json" (a JSON object of per-protocol
    /// messages with a "default"); <paramref name="attributes"/> are sent as String message attributes. Returns the MessageId.
    /// </summary>
    public async Task<string> PublishAsync(string topicArn, string? subject, string message, string? messageStructure,
        IReadOnlyDictionary<string, string>? attributes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicArn);
        ArgumentException.ThrowIfNullOrEmpty(message);
        var parameters = new List<KeyValuePair<string, string>> { new("TopicArn", topicArn), new("Message", message) };
        if (subject is not null) parameters.Add(new("Subject", subject));
        if (messageStructure is not null) parameters.Add(new("MessageStructure", messageStructure));
        var n = 0;
        foreach (var (name, value) in (attributes ?? new Dictionary<string, string>()).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            n++;
            var prefix = string.Create(CultureInfo.InvariantCulture, $"MessageAttributes.entry.{n}.");
            parameters.Add(new(prefix + "Name", name));
            parameters.Add(new(prefix + "Value.DataType", "String"));
            parameters.Add(new(prefix + "Value.StringValue", value));
        }
        var result = await _protocol.InvokeAsync("Publish", parameters, cancellationToken).ConfigureAwait(false);
        return XmlReading.ChildValue(result, "MessageId") is { Length: > 0 } id
            ? id
            : throw new AwsProtocolException("SNS Publish answered without a <MessageId>.");
    }
}
