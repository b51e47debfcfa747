using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConfigRules.Testing.Aws;

/// <summary>Why a request was refused: a bad signature, an unknown or missing token, or a malformed Authorization.</summary>
public enum SignatureProblem { SignatureMismatch, InvalidToken, Incomplete }

public sealed class SignatureRejectedException(SignatureProblem problem, string message) : Exception(message)
{
    public SignatureProblem Problem { get; } = problem;
}

/// <summary>
/// Checks a request's SigV4 signature on its own terms: it rebuilds the canonical request from the bytes that
/// arrived (raw path encoded again, query decoded and re-encoded, the signed headers' received values), derives
/// the key with HMAC-SHA256 and compares. It shares no code with the product's signer, so a bug there shows here.
/// </summary>
/// <remarks>
/// Besides the account's own keys it accepts temporary credentials that <paramref name="issuedCredentials"/> knows
/// (the fake STS's AssumeRole grants), each with its own secret and session token.
/// </remarks>
public sealed class SigV4RequestVerifier(string accessKeyId, string secretAccessKey, string? sessionToken, TimeProvider time,
    Func<string, IssuedCredentials?>? issuedCredentials = null)
{
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Returns the credential scope's (service, region) when the request is signed correctly; throws otherwise.</summary>
    public (string Service, string Region) Verify(LoopbackRequest request)
    {
        var authorization = request.Header("Authorization")
            ?? throw new SignatureRejectedException(SignatureProblem.Incomplete, "Request is missing Authentication Token (no Authorization header).");
        var (credential, signedHeaders, signature) = ParseAuthorization(authorization);
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
            throw new SignatureRejectedException(SignatureProblem.Incomplete, $"Credential '{credential}' is not access-key/date/region/service/aws4_request.");
        var (secret, token) = KeysFor(scope[0]);

        var amzDate = request.Header("X-Amz-Date")
            ?? throw new SignatureRejectedException(SignatureProblem.Incomplete, "X-Amz-Date is missing.");
        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
            throw new SignatureRejectedException(SignatureProblem.Incomplete, $"X-Amz-Date '{amzDate}' is not yyyyMMddTHHmmssZ.");
        if (scope[1] != amzDate[..8])
            throw new SignatureRejectedException(SignatureProblem.SignatureMismatch, $"The credential date {scope[1]} is not the X-Amz-Date day {amzDate[..8]}.");
        if ((time.GetUtcNow().UtcDateTime - signedAt).Duration() > AllowedClockSkew)
            throw new SignatureRejectedException(SignatureProblem.SignatureMismatch, $"Signature expired or not yet valid: X-Amz-Date {amzDate}.");

        var names = signedHeaders.Split(';');
        foreach (var required in new[] { "host", "x-amz-date" })
        {
            if (!names.Contains(required))
                throw new SignatureRejectedException(SignatureProblem.SignatureMismatch, $"The signed headers ({signedHeaders}) do not include {required}.");
        }
        foreach (var present in request.Headers.Select(h => h.Key.ToLowerInvariant()).Where(n => n.StartsWith("x-amz-", StringComparison.Ordinal)).Distinct())
        {
            if (!names.Contains(present))
                throw new SignatureRejectedException(SignatureProblem.SignatureMismatch, $"Header {present} was sent but not signed.");
        }
        CheckToken(request, names, token);

        // S3 signs the path exactly as sent and requires the payload hash header, which must be signed.
        var isS3 = scope[3] == "s3";
        if (isS3 && !names.Contains("x-amz-content-sha256"))
            throw new SignatureRejectedException(SignatureProblem.Incomplete, "S3 requests must send and sign x-amz-content-sha256.");
        var canonical = CanonicalRequest(request, names, signedHeaders, isS3);
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope[1]}/{scope[2]}/{scope[3]}/aws4_request\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), scope[1]), scope[2]), scope[3]), "aws4_request");
        var expected = Hex(Hmac(key, stringToSign));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
            throw new SignatureRejectedException(SignatureProblem.SignatureMismatch,
                "The request signature we calculated does not match the signature you provided. The canonical request should have been:\n" + canonical);
        return (scope[3], scope[2]);
    }

    /// <summary>The secret and session token of the account's own key, or of temporary credentials STS issued.</summary>
    private (string Secret, string? Token) KeysFor(string keyId)
    {
        if (keyId == accessKeyId) return (secretAccessKey, sessionToken);
        if (issuedCredentials?.Invoke(keyId) is { } issued) return (issued.SecretAccessKey, issued.SessionToken);
        throw new SignatureRejectedException(SignatureProblem.InvalidToken,
            $"The access key id {keyId} is neither the loopback account's nor unexpired credentials its STS issued.");
    }

    private static void CheckToken(LoopbackRequest request, string[] signedNames, string? sessionToken)
    {
        var token = request.Header("X-Amz-Security-Token");
        if (sessionToken is null)
        {
            if (token is not null) throw new SignatureRejectedException(SignatureProblem.InvalidToken, "The security token included in the request is invalid.");
            return;
        }
        if (token is null)
            throw new SignatureRejectedException(SignatureProblem.InvalidToken, "The session token is missing: temporary credentials need X-Amz-Security-Token.");
        if (token != sessionToken)
            throw new SignatureRejectedException(SignatureProblem.InvalidToken, "The security token included in the request is invalid.");
        if (!signedNames.Contains("x-amz-security-token"))
            throw new SignatureRejectedException(SignatureProblem.SignatureMismatch, "X-Amz-Security-Token was sent but not signed.");
    }

    private static (string Credential, string SignedHeaders, string Signature) ParseAuthorization(string header)
    {
        const string prefix = "AWS4-HMAC-SHA256 ";
        if (!header.StartsWith(prefix, StringComparison.Ordinal))
            throw new SignatureRejectedException(SignatureProblem.Incomplete, "Authorization does not start with AWS4-HMAC-SHA256.");
        var parts = header[prefix.Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!parts.TryGetValue("Credential", out var credential) || !parts.TryGetValue("SignedHeaders", out var signed) || !parts.TryGetValue("Signature", out var signature))
            throw new SignatureRejectedException(SignatureProblem.Incomplete, "Authorization lacks Credential, SignedHeaders or Signature.");
        return (credential, signed, signature);
    }

    private static string CanonicalRequest(LoopbackRequest request, string[] names, string signedHeaders, bool isS3)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(isS3 ? request.RawPath : EncodePath(NormalizePath(request.RawPath))).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in names)
        {
            var values = request.HeaderValues(name).Select(v => string.Join(' ', v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            builder.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }
        builder.Append('\n').Append(signedHeaders).Append('\n');
        var bodyHash = Hex(SHA256.HashData(request.Body));
        var declared = request.Header("x-amz-content-sha256");
        if (declared is not null && declared != bodyHash)
            throw new SignatureRejectedException(SignatureProblem.SignatureMismatch, "x-amz-content-sha256 does not match the body.");
        builder.Append(bodyHash);
        return builder.ToString();
    }

    private static string NormalizePath(string path)
    {
        var kept = new Stack<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..") { if (kept.Count > 0) kept.Pop(); continue; }
            kept.Push(segment);
        }
        var joined = "/" + string.Join('/', kept.Reverse());
        return path.EndsWith('/') && kept.Count > 0 ? joined + "/" : joined;
    }

    private static string CanonicalQuery(string query) => string.Join('&', query
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .Select(p => (Key: Encode(Uri.UnescapeDataString(p[0])), Value: Encode(p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty)))
        .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
        .Select(p => p.Key + "=" + p.Value));

    /// <summary>Each path segment encoded again (SigV4 double-encodes paths for every service but S3).</summary>
    private static string EncodePath(string path) => string.Join('/', path.Split('/').Select(Encode));

    private static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                builder.Append((char)b);
            else
                builder.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
        }
        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
