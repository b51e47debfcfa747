using System.Text.Json.Serialization.Metadata;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Protocols;

/// <summary>restJson1: the operation is the method and path (labels percent-encoded), bodies are <c>application/json</c>.</summary>
public sealed class RestJsonProtocol(AwsTransport transport, AwsService service, AwsEndpoint endpoint)
{
    public const string ContentType = "application/json";

    public async Task<TResponse> SendAsync<TResponse>(
        string operation, HttpMethod method, string path, byte[]? body, JsonTypeInfo<TResponse> outputInfo, CancellationToken cancellationToken)
    {
        var request = new AwsRequest(service, endpoint, operation, method, path, [], body, body is null ? null : ContentType,
            RestJsonErrorParser.Instance);
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return JsonBodies.Read(response.Body, outputInfo, service, operation);
    }

    /// <summary>A URI label: every character but RFC 3986 unreserved ones percent-encoded (an ARN's ':' and '/' too).</summary>
    public static string Label(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Signing.SigV4Canonicalizer.UriEncode(value, keepSlash: false);
    }
}
