using Amazon.Runtime.Internal.Auth;
using ConfigRules.Aws.Credentials;

namespace ConfigRules.Aws.Signing;

/// <summary>
/// SigV4 query signing (presigned URLs): the X-Amz-* authentication parameters go into the query string
/// instead of headers. The signature is AWSSDK.Core's, as for header signing.
/// </summary>
public static class SigV4Presigner
{
    /// <summary>Returns the query string to send (the request's own parameters plus the signed X-Amz-* ones).</summary>
    public static (string Query, SigningResult Result) Presign(
        SigningRequest request, AwsCredentials credentials, string region, string service, DateTimeOffset signedAt,
        TimeSpan expires, SigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        options ??= SigningOptions.Default;
        var time = SigV4Signer.TruncateToSeconds(signedAt.UtcDateTime);
        var amzDate = SigV4Canonicalizer.AmzDate(time);
        var signedHeaderNames = string.Join(';', SigV4Canonicalizer.CanonicalHeaders(request.Headers).Keys);

        var authParameters = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Algorithm", SigV4Canonicalizer.Algorithm),
            new("X-Amz-Credential", credentials.AccessKeyId + "/" + SigV4Canonicalizer.CredentialScope(time, region, service)),
            new("X-Amz-Date", amzDate),
            new("X-Amz-Expires", ((long)expires.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", signedHeaderNames),
        };
        var token = credentials.SessionToken;
        if (token is not null && options.SignSessionToken) authParameters.Add(new("X-Amz-Security-Token", token));

        var signedQuery = Join(request.Query, authParameters);
        var canonical = SigV4Canonicalizer.CanonicalRequest(request with { Query = signedQuery }, options.NormalizePath, out var signedHeaders);
        var result = AWS4Signer.ComputeSignature(
            credentials.AccessKeyId, credentials.SecretAccessKey, region, time, service, signedHeaders, canonical);

        var tail = new List<KeyValuePair<string, string>>();
        if (token is not null && !options.SignSessionToken) tail.Add(new("X-Amz-Security-Token", token));
        tail.Add(new("X-Amz-Signature", result.Signature));
        return (Join(signedQuery, tail), new SigningResult(
            canonical, SigV4Canonicalizer.StringToSign(canonical, time, region, service), signedHeaders, result.Signature, amzDate, []));
    }

    private static string Join(string query, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var encoded = string.Join('&', parameters.Select(p =>
            SigV4Canonicalizer.UriEncode(p.Key, keepSlash: false) + "=" + SigV4Canonicalizer.UriEncode(p.Value, keepSlash: false)));
        var existing = query.TrimStart('?');
        return existing.Length == 0 ? encoded : existing + "&" + encoded;
    }
}
