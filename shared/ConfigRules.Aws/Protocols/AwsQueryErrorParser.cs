using System.Xml;
using System.Xml.Linq;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Protocols;

/// <summary>awsQuery errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;…&lt;Message&gt;…&lt;/Error&gt;&lt;RequestId&gt;</c>.</summary>
public sealed class AwsQueryErrorParser : IAwsErrorParser
{
    public static AwsQueryErrorParser Instance { get; } = new();

    public AwsErrorInfo Parse(AwsHttpResponse response) =>
        XmlReading.ParseError(response, root => (
            root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error"),
            root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value), ErrorCodes.FromStatus);
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

    /// <summary>
    /// An XML error answer read the same way for every XML protocol: <paramref name="locate"/> finds the error element
    /// and the request id from the root; a body that is not XML becomes the message; without a code the status names it.
    /// </summary>
    public static AwsErrorInfo ParseError(AwsHttpResponse response, Func<XElement?, (XElement? Error, string? RequestId)> locate,
        Func<System.Net.HttpStatusCode, string> codeFromStatus)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? code = null, message = null, requestId = null;
        if (response.Body.Length > 0)
        {
            try
            {
                var (error, id) = locate(Load(response.Body).Root);
                code = ChildValue(error, "Code");
                message = ChildValue(error, "Message");
                requestId = id;
            }
            catch (XmlException)
            {
                message = ErrorCodes.BodySnippet(response.Body);
            }
        }
        return new AwsErrorInfo(ErrorCodes.Clean(code) ?? codeFromStatus(response.StatusCode), message, requestId ?? response.RequestIdHeader);
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
