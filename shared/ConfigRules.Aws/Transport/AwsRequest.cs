using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Signing;

namespace ConfigRules.Aws.Transport;

/// <summary>
/// One operation call as a protocol prepared it. <paramref name="RelativePath"/> is already percent-encoded
/// (and may carry a query); it is appended to the endpoint's base URL. <paramref name="Signing"/> defaults to
/// <see cref="SigningOptions.Default"/> (S3 asks for <see cref="SigningOptions.S3"/>).
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
    IAwsErrorParser ErrorParser,
    SigningOptions? Signing = null)
{
    public Uri BuildUri()
    {
        var relative = RelativePath.TrimStart('/');
        return new Uri(Endpoint.BaseUri, relative);
    }
}
