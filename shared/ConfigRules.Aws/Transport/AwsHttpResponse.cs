using System.Net;
using System.Net.Http.Headers;

namespace ConfigRules.Aws.Transport;

/// <summary>A completed response, body read, so that protocols parse it without touching the connection.</summary>
public sealed class AwsHttpResponse(HttpStatusCode statusCode, HttpResponseHeaders headers, byte[] body)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
    public HttpResponseHeaders Headers { get; } = headers;
    public byte[] Body { get; } = body;

    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>The request id AWS puts in a header (x-amzn-RequestId, x-amz-request-id), when present.</summary>
    public string? RequestIdHeader => Header("x-amzn-RequestId") ?? Header("x-amz-request-id");
}
