using System.Text.Json.Serialization;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Lambda;

/// <summary>AWS Lambda over restJson1: the one read lambda-concurrency-check needs.</summary>
public sealed class LambdaClient(AwsTransport transport, AwsEndpoint endpoint)
{
    private readonly RestJsonProtocol _protocol = new(transport, AwsService.Lambda, endpoint);

    public static LambdaClient Create(AwsClientContext context) => new(context.Transport, context.EndpointFor(AwsService.Lambda));

    /// <summary>
    /// GetFunctionConcurrency (<c>GET /2019-09-30/functions/{FunctionName}/concurrency</c>): the function's reserved
    /// concurrency, or null when none is reserved. The name may be a function name, ARN or partial ARN. A function
    /// Lambda does not know raises <see cref="AwsResourceNotFoundException"/>.
    /// </summary>
    public async Task<int?> GetFunctionConcurrencyAsync(string functionName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        var output = await _protocol.SendAsync("GetFunctionConcurrency", HttpMethod.Get,
            $"/2019-09-30/functions/{RestJsonProtocol.Label(functionName)}/concurrency", null,
            LambdaJsonContext.Default.GetFunctionConcurrencyOutput, cancellationToken).ConfigureAwait(false);
        return output.ReservedConcurrentExecutions;
    }
}

internal sealed class GetFunctionConcurrencyOutput
{
    [JsonPropertyName("ReservedConcurrentExecutions")] public int? ReservedConcurrentExecutions { get; set; }
}

[JsonSerializable(typeof(GetFunctionConcurrencyOutput))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
