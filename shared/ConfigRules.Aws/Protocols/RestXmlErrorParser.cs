using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Protocols;

/// <summary>
/// restXml errors (S3): <c>&lt;Error&gt;&lt;Code&gt;NoSuchKey&lt;/Code&gt;&lt;Message&gt;…&lt;/Message&gt;&lt;RequestId&gt;…&lt;/Error&gt;</c>
/// at the root; the request id also in x-amz-request-id. An answer without a body (a HEAD, some 403s) gets a code from its status.
/// </summary>
public sealed class RestXmlErrorParser : IAwsErrorParser
{
    public static RestXmlErrorParser Instance { get; } = new();

    public AwsErrorInfo Parse(AwsHttpResponse response) =>
        XmlReading.ParseError(response, root =>
        {
            // S3 answers <Error> at the root; other restXml services wrap it in <ErrorResponse>.
            var error = root?.Name.LocalName == "Error" ? root : XmlReading.Child(root, "Error");
            return (error, XmlReading.ChildValue(error, "RequestId") ?? XmlReading.ChildValue(root, "RequestId"));
        }, FromStatus);

    /// <summary>S3's own codes for body-less answers, so that callers can match them as they match parsed ones.</summary>
    private static string FromStatus(System.Net.HttpStatusCode status) => status switch
    {
        System.Net.HttpStatusCode.Forbidden => "AccessDenied",
        System.Net.HttpStatusCode.NotFound => "NotFound",
        _ => ErrorCodes.FromStatus(status),
    };
}
