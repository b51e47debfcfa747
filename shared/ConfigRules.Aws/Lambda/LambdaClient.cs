using System.Text.Json.Serialization;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Lambda;

/// <summary>AWS Lambda over restJson1: the reads lambda-concurrency-check and lambda-public-access-check need.</summary>
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

    /// <summary>
    /// GetPolicy (<c>GET /2015-03-31/functions/{FunctionName}/policy</c>): the function's resource-based policy document
    /// as JSON text, or null when it has none. Lambda answers a function without a policy with ResourceNotFoundException,
    /// the same error as for an unknown function; either way no policy grants anything.
    /// </summary>
    public async Task<string?> GetPolicyAsync(string functionName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        try
        {
            var output = await _protocol.SendAsync("GetPolicy", HttpMethod.Get,
                $"/2015-03-31/functions/{RestJsonProtocol.Label(functionName)}/policy", null,
                LambdaJsonContext.Default.GetPolicyOutput, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(output.Policy) ? null : output.Policy;
        }
        catch (AwsResourceNotFoundException)
        {
            return null;
        }
    }
}

internal sealed class GetPolicyOutput
{
    [JsonPropertyName("Policy")] public string? Policy { get; set; }
    [JsonPropertyName("RevisionId")] public string? RevisionId { get; set; }
}

internal sealed class GetFunctionConcurrencyOutput
{
    [JsonPropertyName("ReservedConcurrentExecutions")] public int? ReservedConcurrentExecutions { get; set; }
}

[JsonSerializable(typeof(GetFunctionConcurrencyOutput))]
[JsonSerializable(typeof(GetPolicyOutput))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
