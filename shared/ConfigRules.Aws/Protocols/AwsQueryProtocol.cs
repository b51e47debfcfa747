using System.Text;
using System.Xml.Linq;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Signing;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Protocols;

/// <summary>
/// awsQuery: <c>POST /</c> with a form body (<c>Action</c>, <c>Version</c>, flattened parameters such as
/// <c>MessageAttributes.entry.1.Name</c>), answered with XML <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;</c>.
/// </summary>
public sealed class AwsQueryProtocol(AwsTransport transport, AwsService service, AwsEndpoint endpoint, string apiVersion)
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Calls <paramref name="action"/> and returns its result element.</summary>
    public async Task<XElement> InvokeAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(FormBody(action, apiVersion, parameters));
        var request = new AwsRequest(service, endpoint, action, HttpMethod.Post, "/", [], body, ContentType, AwsQueryErrorParser.Instance);
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return XmlReading.Result(response.Body, service.DisplayName, action);
    }

    /// <summary>RFC 3986 form encoding (spaces as %20), the way the AWS SDK for .NET writes query bodies.</summary>
    public static string FormBody(string action, string version, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var all = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        all.AddRange(parameters);
        return string.Join('&', all.Select(p =>
            SigV4Canonicalizer.UriEncode(p.Key, keepSlash: false) + "=" + SigV4Canonicalizer.UriEncode(p.Value, keepSlash: false)));
    }
}
