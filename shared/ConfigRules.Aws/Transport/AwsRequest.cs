using ConfigRules.Aws.Endpoints;

namespace ConfigRules.Aws.Transport;

/// <summary>
/// One operation call as a protocol prepared it. <paramref name="RelativePath"/> is already percent-encoded
/// (and may carry a query); it is appended to the endpoint's base URL.
/// </summary>
public sealed record AwsRequest(
    AwsService Service,
    AwsEndpoint Endpoint,
    string Operation,
    HttpMethod Method,
    string RelativePath,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[]? Body,
    string? ContentType,
    IAwsErrorParser ErrorParser)
{
    public Uri BuildUri()
    {
        var relative = RelativePath.TrimStart('/');
        return new Uri(Endpoint.BaseUri, relative);
    }
}
