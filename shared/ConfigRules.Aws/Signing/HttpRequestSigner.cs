using ConfigRules.Aws.Credentials;

namespace ConfigRules.Aws.Signing;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> in place: host, content type and every x-amz-* header are
/// signed (the headers a proxy must not change); the payload is hashed from the request's content.
/// </summary>
public static class HttpRequestSigner
{
    public static async Task<SigningResult> SignAsync(
        HttpRequestMessage request, AwsCredentials credentials, string region, string service, DateTimeOffset signedAt,
        SigningOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        if (!uri.IsAbsoluteUri) throw new ArgumentException("The request URI must be absolute to be signed.", nameof(request));

        var payload = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        request.Headers.Host = host;

        var headers = new List<KeyValuePair<string, string>> { new("host", host) };
        if (request.Content?.Headers.ContentType is { } contentType) headers.Add(new("content-type", contentType.ToString()));
        foreach (var (name, values) in request.Headers)
        {
            if (name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
                headers.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        }

        var signingRequest = new SigningRequest(
            request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, SigV4Canonicalizer.PayloadHash(payload));
        var result = SigV4Signer.Sign(signingRequest, credentials, region, service, signedAt, options);
        foreach (var (name, value) in result.HeadersToAdd)
        {
            request.Headers.Remove(name);
            if (!request.Headers.TryAddWithoutValidation(name, value))
                throw new InvalidOperationException($"The signer could not set the {name} header.");
        }
        return result;
    }
}
