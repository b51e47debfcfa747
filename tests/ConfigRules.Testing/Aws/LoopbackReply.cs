using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace ConfigRules.Testing.Aws;

/// <summary>The wire protocol a service speaks, which decides how its answers and errors are spelled.</summary>
public enum WireProtocol { AwsJson, RestJson, AwsQuery, RestXml }

/// <summary>One answer of the loopback endpoint.</summary>
public sealed record LoopbackReply(int Status, string ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public string? ErrorCode { get; init; }

    public static LoopbackReply Json(JsonNode? body, WireProtocol protocol, int status = 200) =>
        new(status, protocol == WireProtocol.AwsJson ? "application/x-amz-json-1.1" : "application/json",
            Encoding.UTF8.GetBytes((body ?? new JsonObject()).ToJsonString()), []);

    /// <summary>An awsQuery answer: <c>&lt;ActionResponse xmlns&gt;&lt;ActionResult&gt;…&lt;/ActionResult&gt;&lt;ResponseMetadata&gt;</c>.</summary>
    public static LoopbackReply QueryResult(string action, string xmlNamespace, params object[] resultContent)
    {
        XNamespace ns = xmlNamespace;
        var document = new XElement(ns + (action + "Response"),
            new XElement(ns + (action + "Result"), Qualify(ns, resultContent)),
            new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", Guid.NewGuid().ToString())));
        return new(200, "text/xml", Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting)), []);
    }

    /// <summary>An error as the protocol spells it (awsJson __type with a namespace, restJson header, awsQuery ErrorResponse).</summary>
    public static LoopbackReply Error(WireProtocol protocol, int status, string code, string message)
    {
        var requestId = Guid.NewGuid().ToString();
        LoopbackReply reply = protocol switch
        {
            WireProtocol.AwsJson => new(status, "application/x-amz-json-1.1",
                Encoding.UTF8.GetBytes(new JsonObject { ["__type"] = "com.amazonaws.starlingdove#" + code, ["message"] = message }.ToJsonString()),
                [new("x-amzn-RequestId", requestId)]),
            WireProtocol.RestJson => new(status, "application/json",
                Encoding.UTF8.GetBytes(new JsonObject { ["message"] = message }.ToJsonString()),
                [new("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazonaws.loopback/"), new("x-amzn-RequestId", requestId)]),
            // S3: <Error> at the root, the request id in the body and in x-amz-request-id.
            WireProtocol.RestXml => new(status, "application/xml", Encoding.UTF8.GetBytes(new XElement("Error",
                    new XElement("Code", code), new XElement("Message", message), new XElement("RequestId", requestId)).ToString(SaveOptions.DisableFormatting)),
                [new("x-amz-request-id", requestId)]),
            _ => new(status, "text/xml", Encoding.UTF8.GetBytes(new XElement("ErrorResponse",
                    new XElement("Error", new XElement("Type", status >= 500 ? "Receiver" : "Sender"), new XElement("Code", code), new XElement("Message", message)),
                    new XElement("RequestId", requestId)).ToString(SaveOptions.DisableFormatting)), []),
        };
        return reply with { ErrorCode = code };
    }

    private static object[] Qualify(XNamespace ns, object[] content) => content.Select(c => c is XElement e ? QualifyElement(ns, e) : c).ToArray();

    private static XElement QualifyElement(XNamespace ns, XElement element) =>
        new(ns + element.Name.LocalName, element.Attributes(), element.Nodes().Select(n => n is XElement child ? QualifyElement(ns, child) : n));
}
