using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace ConfigRules.Testing.Aws;

/// <summary>A message SNS accepted.</summary>
public sealed record PublishedMessage(
    string MessageId, string TopicArn, string? Subject, string Message, string? MessageStructure,
    IReadOnlyDictionary<string, (string DataType, string Value)> Attributes);

/// <summary>The fake SNS service: Publish (awsQuery) with SNS's checks on subject, size, structure and attributes.</summary>
public sealed class FakeSnsService
{
    public const string Version = "2010-03-31";
    public const string XmlNamespace = "http://sns.amazonaws.com/doc/2010-03-31/";
    public const int MaxMessageBytes = 262_144;
    private readonly object _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly List<PublishedMessage> _published = [];

    public string AddTopic(string name = "configrules-notices")
    {
        var arn = $"arn:aws:sns:us-east-1:123456789012:{name}";
        lock (_gate) _topics.Add(arn);
        return arn;
    }

    public IReadOnlyList<PublishedMessage> Published
    {
        get { lock (_gate) return [.. _published]; }
    }

    internal LoopbackReply Handle(string action, LoopbackRequest request)
    {
        if (action != "Publish") throw new FakeAwsErrorException(400, "InvalidAction", $"The loopback SNS service does not implement {action}.");
        var form = request.Form;
        var topic = FakeIamService.Required(form, "TopicArn", 1024);
        var message = form.TryGetValue("Message", out var m) ? m : throw new FakeAwsErrorException(400, "ValidationError", "Message is required.");
        if (message.Length == 0) throw new FakeAwsErrorException(400, "InvalidParameter", "Invalid parameter: Empty message");
        form.TryGetValue("Subject", out var subject);
        if (subject is not null) CheckSubject(subject);
        form.TryGetValue("MessageStructure", out var structure);
        if (structure is not null) CheckStructure(structure, message);
        var attributes = ReadAttributes(form);
        var size = Encoding.UTF8.GetByteCount(message) + attributes.Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value.DataType) + Encoding.UTF8.GetByteCount(a.Value.Value));
        if (size > MaxMessageBytes)
            throw new FakeAwsErrorException(400, "InvalidParameter", $"Invalid parameter: Message too long ({size} bytes; at most {MaxMessageBytes}).");
        var known = form.Keys.Where(k => k is not ("Action" or "Version" or "TopicArn" or "Message" or "Subject" or "MessageStructure")
            && !k.StartsWith("MessageAttributes.entry.", StringComparison.Ordinal)).ToList();
        if (known.Count > 0) throw new FakeAwsErrorException(400, "InvalidParameter", $"Unknown parameters: {string.Join(", ", known)}.");

        var id = Guid.NewGuid().ToString();
        lock (_gate)
        {
            if (!_topics.Contains(topic)) throw new FakeAwsErrorException(404, "NotFound", "Topic does not exist");
            _published.Add(new PublishedMessage(id, topic, subject, message, structure, attributes));
        }
        return LoopbackReply.QueryResult("Publish", XmlNamespace, new XElement("MessageId", id));
    }

    /// <summary>SNS: ASCII, no line breaks or control characters, under 100 characters, not empty.</summary>
    private static void CheckSubject(string subject)
    {
        if (subject.Length is 0 or > 100 || subject.Any(c => c > 126 || char.IsControl(c)))
            throw new FakeAwsErrorException(400, "InvalidParameter",
                "Invalid parameter: Subject must be ASCII text without line breaks or control characters, 1 to 100 characters.");
    }

    private static void CheckStructure(string structure, string message)
    {
        if (structure != "json") throw new FakeAwsErrorException(400, "InvalidParameter", "Invalid parameter: MessageStructure must be json.");
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(message) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null || !body.TryGetPropertyValue("default", out var fallback) || fallback?.GetValueKind() != JsonValueKind.String)
            throw new FakeAwsErrorException(400, "InvalidParameter", "Invalid parameter: Message Structure - No default entry in JSON message body");
        if (body.Any(p => p.Value?.GetValueKind() != JsonValueKind.String))
            throw new FakeAwsErrorException(400, "InvalidParameter", "Invalid parameter: Message Structure - every protocol's message must be a string");
    }

    private static Dictionary<string, (string DataType, string Value)> ReadAttributes(IReadOnlyDictionary<string, string> form)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        for (var n = 1; form.TryGetValue($"MessageAttributes.entry.{n}.Name", out var name); n++)
        {
            var type = form.GetValueOrDefault($"MessageAttributes.entry.{n}.Value.DataType")
                ?? throw new FakeAwsErrorException(400, "ParameterValueInvalid", $"The message attribute '{name}' must contain a DataType.");
            if (type != "String" && type != "Number" && type != "String.Array")
                throw new FakeAwsErrorException(400, "ParameterValueInvalid", $"The message attribute '{name}' has an invalid DataType {type}.");
            var value = form.GetValueOrDefault($"MessageAttributes.entry.{n}.Value.StringValue")
                ?? throw new FakeAwsErrorException(400, "ParameterValueInvalid", $"The message attribute '{name}' must contain non-empty message attribute value.");
            if (value.Length == 0) throw new FakeAwsErrorException(400, "ParameterValueInvalid", $"The message attribute '{name}' must contain non-empty message attribute value.");
            if (!result.TryAdd(name, (type, value))) throw new FakeAwsErrorException(400, "ParameterValueInvalid", $"The message attribute '{name}' appears twice.");
        }
        if (result.Count > 10) throw new FakeAwsErrorException(400, "InvalidParameter", "Number of message attributes exceeds the limit of 10.");
        return result;
    }
}
