using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Protocols;

/// <summary>
/// awsJson1_1: <c>POST /</c>, <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c>,
/// <c>Content-Type: application/x-amz-json-1.1</c>, request and answer as JSON documents.
/// </summary>
public sealed class AwsJsonProtocol(AwsTransport transport, AwsService service, AwsEndpoint endpoint, string targetPrefix)
{
    public const string ContentType = "application/x-amz-json-1.1";

    public AwsTransport Transport => transport;

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation, TRequest input, JsonTypeInfo<TRequest> inputInfo, JsonTypeInfo<TResponse> outputInfo, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(input, inputInfo);
        var request = new AwsRequest(service, endpoint, operation, HttpMethod.Post, "/",
            [new("X-Amz-Target", $"{targetPrefix}.{operation}")], body, ContentType, AwsJsonErrorParser.Instance);
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return JsonBodies.Read(response.Body, outputInfo, service, operation);
    }
}

internal static class JsonBodies
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    public static T Read<T>(byte[] body, JsonTypeInfo<T> info, AwsService service, string operation)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Length == 0 ? EmptyObject : body, info)
                ?? throw new AwsProtocolException($"{service} {operation} answered with JSON null.");
        }
        catch (JsonException ex)
        {
            throw new AwsProtocolException($"{service} {operation} answered with JSON that does not fit its model: {ex.Message}", ex);
        }
    }
}
