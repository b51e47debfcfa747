namespace ConfigRules.Aws.Signing;

/// <summary>
/// A request as SigV4 sees it: the method, the path and query exactly as they go on the wire, the headers
/// to sign (in order, duplicates allowed) and the hex SHA-256 of the payload. Independent of
/// HttpRequestMessage so the signer can be checked against the raw requests of the official suite.
/// </summary>
public sealed record SigningRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash);

/// <summary>How to sign: every switch defaults to what AWS services other than S3 expect.</summary>
public sealed record SigningOptions
{
    public static SigningOptions Default { get; } = new();

    /// <summary>Remove dot segments and repeated slashes from the path before encoding it (all services but S3).</summary>
    public bool NormalizePath { get; init; } = true;

    /// <summary>
    /// URI-encode the (already encoded) path again for the canonical request, as every service but S3 expects; S3
    /// signs the path exactly as sent.
    /// </summary>
    public bool DoubleEncodePath { get; init; } = true;

    /// <summary>What S3 expects: the path as sent (no normalization, no second encoding) and x-amz-content-sha256.</summary>
    public static SigningOptions S3 { get; } = new() { NormalizePath = false, DoubleEncodePath = false, AddContentSha256Header = true };

    /// <summary>Send x-amz-content-sha256 and sign it (S3 and services that ask for it).</summary>
    public bool AddContentSha256Header { get; init; }

    /// <summary>
    /// Sign X-Amz-Security-Token with the rest. Always true for real calls; false reproduces services (old STS)
    /// that want the token added after signing.
    /// </summary>
    public bool SignSessionToken { get; init; } = true;
}

/// <summary>What a signature was computed from, kept so tests and diagnostics can compare each step.</summary>
public sealed record SigningResult(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string Signature,
    string AmzDate,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd);
