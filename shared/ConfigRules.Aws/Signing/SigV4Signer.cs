using Amazon.Runtime.Internal.Auth;
using ConfigRules.Aws.Credentials;

namespace ConfigRules.Aws.Signing;

/// <summary>
/// SigV4 header signing. The canonical request is built here; the signing key derivation and the signature
/// are AWSSDK.Core's <see cref="AWS4Signer.ComputeSignature(string, string, string, DateTime, string, string, string)"/>.
/// </summary>
public static class SigV4Signer
{
    public const string AmzDateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";
    public const string ContentSha256Header = "x-amz-content-sha256";
    public const string AuthorizationHeader = "Authorization";

    /// <summary>
    /// Signs <paramref name="request"/> (which carries the host and any other header to sign) and returns the
    /// headers to add: X-Amz-Date, X-Amz-Security-Token when there is a session token, x-amz-content-sha256
    /// when asked, and Authorization.
    /// </summary>
    public static SigningResult Sign(
        SigningRequest request, AwsCredentials credentials, string region, string service, DateTimeOffset signedAt, SigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        options ??= SigningOptions.Default;
        var time = TruncateToSeconds(signedAt.UtcDateTime);
        var amzDate = SigV4Canonicalizer.AmzDate(time);

        var added = new List<KeyValuePair<string, string>> { new(AmzDateHeader, amzDate) };
        if (options.AddContentSha256Header) added.Add(new(ContentSha256Header, request.PayloadHash));
        var token = credentials.SessionToken;
        if (token is not null && options.SignSessionToken) added.Add(new(SecurityTokenHeader, token));

        var toSign = request with { Headers = [.. WithoutSigningHeaders(request.Headers), .. added] };
        var canonical = SigV4Canonicalizer.CanonicalRequest(toSign, options.NormalizePath, options.DoubleEncodePath, out var signedHeaders);
        var result = AWS4Signer.ComputeSignature(
            credentials.AccessKeyId, credentials.SecretAccessKey, region, time, service, signedHeaders, canonical);

        // A token the service wants unsigned still has to travel with the request.
        if (token is not null && !options.SignSessionToken) added.Add(new(SecurityTokenHeader, token));
        added.Add(new(AuthorizationHeader, result.ForAuthorizationHeader));
        return new SigningResult(
            canonical,
            SigV4Canonicalizer.StringToSign(canonical, time, region, service),
            signedHeaders,
            result.Signature,
            amzDate,
            added);
    }

    internal static DateTime TruncateToSeconds(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>Headers the signer owns are replaced, never signed twice (a retried request is signed afresh).</summary>
    private static IEnumerable<KeyValuePair<string, string>> WithoutSigningHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers.Where(h =>
            !h.Key.Equals(AmzDateHeader, StringComparison.OrdinalIgnoreCase)
            && !h.Key.Equals(SecurityTokenHeader, StringComparison.OrdinalIgnoreCase)
            && !h.Key.Equals(AuthorizationHeader, StringComparison.OrdinalIgnoreCase)
            && !h.Key.Equals(ContentSha256Header, StringComparison.OrdinalIgnoreCase));
}
