using System.Globalization;
using System.Text;

namespace ConfigRules.Aws.Signing;

/// <summary>
/// Builds the SigV4 canonical request and string to sign (the parts that are plain text and SHA-256);
/// the keyed part, signing-key derivation and HMAC, is AWSSDK.Core's (<see cref="SigV4Signer"/>).
/// </summary>
public static class SigV4Canonicalizer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static string CanonicalRequest(SigningRequest request, bool normalizePath, out string signedHeaders) =>
        CanonicalRequest(request, normalizePath, doubleEncodePath: true, out signedHeaders);

    /// <param name="doubleEncodePath">False for S3: the path, already encoded on the wire, is signed as it is.</param>
    public static string CanonicalRequest(SigningRequest request, bool normalizePath, bool doubleEncodePath, out string signedHeaders)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = CanonicalHeaders(request.Headers);
        signedHeaders = string.Join(';', headers.Keys);
        var builder = new StringBuilder(256);
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        builder.Append(doubleEncodePath ? CanonicalPath(request.Path, normalizePath) : SingleEncodedPath(request.Path)).Append('\n');
        builder.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var (name, value) in headers) builder.Append(name).Append(':').Append(value).Append('\n');
        builder.Append('\n').Append(signedHeaders).Append('\n');
        builder.Append(request.PayloadHash);
        return builder.ToString();
    }

    public static string StringToSign(string canonicalRequest, DateTime signedAtUtc, string region, string service) =>
        string.Join('\n',
            Algorithm,
            AmzDate(signedAtUtc),
            CredentialScope(signedAtUtc, region, service),
            Hex(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

    public static string CredentialScope(DateTime signedAtUtc, string region, string service) =>
        $"{signedAtUtc.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}/{region}/{service}/aws4_request";

    public static string AmzDate(DateTime signedAtUtc) => signedAtUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string PayloadHash(ReadOnlySpan<byte> payload) => Hex(System.Security.Cryptography.SHA256.HashData(payload));

    /// <summary>Lower-case names sorted ordinally; values trimmed with inner runs of whitespace folded to one space; repeats joined by commas.</summary>
    public static SortedDictionary<string, string> CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            var folded = FoldWhitespace(value);
            result[key] = result.TryGetValue(key, out var existing) ? existing + "," + folded : folded;
        }
        return result;
    }

    public static string CanonicalPath(string path, bool normalize)
    {
        if (string.IsNullOrEmpty(path)) return "/";
        var source = normalize ? NormalizePath(path) : path;
        return UriEncode(source, keepSlash: true);
    }

    private static string SingleEncodedPath(string path) => string.IsNullOrEmpty(path) ? "/" : path;

    /// <summary>Parameters decoded, re-encoded with RFC 3986 unreserved characters kept, sorted by name then value.</summary>
    public static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query)) return string.Empty;
        var pairs = new List<(string Key, string Value)>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add((UriEncode(Uri.UnescapeDataString(key), keepSlash: false), UriEncode(Uri.UnescapeDataString(value), keepSlash: false)));
        }
        pairs.Sort((a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding of the UTF-8 bytes: A-Z a-z 0-9 - . _ ~ stay, everything else becomes %XX (upper case).</summary>
    public static string UriEncode(string value, bool keepSlash)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~' || (keepSlash && c == '/'))
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Removes "." and ".." segments and empty segments; keeps a trailing slash.</summary>
    private static string NormalizePath(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(segment);
        }
        var trailing = path.EndsWith('/') && segments.Count > 0;
        return "/" + string.Join('/', segments) + (trailing ? "/" : string.Empty);
    }

    private static string FoldWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = true; continue; }
            if (pendingSpace) { builder.Append(' '); pendingSpace = false; }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
