using System.Xml;
using System.Xml.Linq;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Protocols;

/// <summary>awsQuery errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;…&lt;Message&gt;…&lt;/Error&gt;&lt;RequestId&gt;</c>.</summary>
public sealed class AwsQueryErrorParser : IAwsErrorParser
{
    public static AwsQueryErrorParser Instance { get; } = new();

    public AwsErrorInfo Parse(AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? code = null, message = null, requestId = null;
        if (response.Body.Length > 0)
        {
            try
            {
                var root = XmlReading.Load(response.Body).Root;
                var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                code = XmlReading.ChildValue(error, "Code");
                message = XmlReading.ChildValue(error, "Message");
                requestId = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
            }
            catch (XmlException)
            {
                message = ErrorCodes.BodySnippet(response.Body);
            }
        }
        return new AwsErrorInfo(ErrorCodes.Clean(code) ?? ErrorCodes.FromStatus(response.StatusCode), message, requestId ?? response.RequestIdHeader);
    }
}

/// <summary>Safe XML reading of AWS answers: no DTDs, no external resolution; elements matched by local name.</summary>
internal static class XmlReading
{
    public static XDocument Load(byte[] body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader);
    }

    public static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static string? ChildValue(XElement? parent, string localName) => Child(parent, localName)?.Value;

    /// <summary>The operation's result element (<c>&lt;GetRoleResponse&gt;&lt;GetRoleResult&gt;</c>), or a clear error.</summary>
    public static XElement Result(byte[] body, string service, string action)
    {
        XDocument document;
        try
        {
            document = Load(body);
        }
        catch (XmlException ex)
        {
            throw new AwsProtocolException($"{service} {action} answered with XML that cannot be read: {ex.Message}", ex);
        }
        var result = Child(document.Root, action + "Result");
        if (document.Root?.Name.LocalName != action + "Response" || result is null)
            throw new AwsProtocolException($"{service} {action} answered without <{action}Response><{action}Result>: root is <{document.Root?.Name.LocalName}>.");
        return result;
    }
}
