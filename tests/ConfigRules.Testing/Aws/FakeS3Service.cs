using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace ConfigRules.Testing.Aws;

/// <summary>
/// The fake S3 service, path-style only (as every client addresses it behind an endpoint override): GetObject
/// (<c>GET /bucket/key</c>) and ListObjectsV2 (<c>GET /bucket?list-type=2</c>, pages of <see cref="PageSize"/> keys,
/// continuation tokens, <c>encoding-type=url</c>). Errors as S3 spells them: NoSuchBucket, NoSuchKey, AccessDenied.
/// </summary>
public sealed class FakeS3Service
{
    public const string XmlNamespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _buckets = new(StringComparer.Ordinal);
    private readonly HashSet<(string Bucket, string Key)> _denied = [];

    /// <summary>Keys per ListObjectsV2 page at most (S3: 1,000), lowered by tests to exercise paging.</summary>
    public int PageSize { get; set; } = 1000;

    public void CreateBucket(string bucket)
    {
        lock (_gate) _buckets.TryAdd(bucket, new SortedDictionary<string, StoredObject>(StringComparer.Ordinal));
    }

    /// <summary>Stores an object (creating the bucket); a new version replaces the old one.</summary>
    public void PutObject(string bucket, string key, byte[] content, DateTimeOffset? lastModified = null)
    {
        lock (_gate)
        {
            CreateBucket(bucket);
            var version = _buckets[bucket].TryGetValue(key, out var old) ? old.Version + 1 : 1;
            _buckets[bucket][key] = new StoredObject(content, lastModified ?? new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero), version);
        }
    }

    public void PutObject(string bucket, string key, string text) => PutObject(bucket, key, Encoding.UTF8.GetBytes(text));

    public void DeleteObject(string bucket, string key)
    {
        lock (_gate)
        {
            if (_buckets.TryGetValue(bucket, out var objects)) objects.Remove(key);
        }
    }

    /// <summary>Makes GetObject of this object answer 403 AccessDenied, as for a role without s3:GetObject on it.</summary>
    public void DenyAccess(string bucket, string key)
    {
        lock (_gate) _denied.Add((bucket, key));
    }

    internal static string OperationOf(LoopbackRequest request)
    {
        if (request.Method != "GET")
            throw new FakeAwsErrorException(405, "MethodNotAllowed", $"The loopback S3 service serves GET only, not {request.Method}.");
        var (_, key) = Split(request.RawPath);
        if (key is null && Query(request).TryGetValue("list-type", out var listType) && listType == "2") return "ListObjectsV2";
        if (key is { Length: > 0 }) return "GetObject";
        throw new FakeAwsErrorException(400, "InvalidRequest",
            $"The loopback S3 service has no GET {request.RawPath}?{request.RawQuery}: expected /bucket/key or /bucket?list-type=2.");
    }

    internal LoopbackReply Handle(string operation, LoopbackRequest request)
    {
        var (bucket, key) = Split(request.RawPath);
        lock (_gate)
        {
            if (!_buckets.TryGetValue(bucket, out var objects))
                throw new FakeAwsErrorException(404, "NoSuchBucket", "The specified bucket does not exist");
            return operation == "GetObject" ? GetObject(bucket, key!, objects) : ListObjectsV2(bucket, objects, Query(request));
        }
    }

    private LoopbackReply GetObject(string bucket, string key, SortedDictionary<string, StoredObject> objects)
    {
        if (_denied.Contains((bucket, key))) throw new FakeAwsErrorException(403, "AccessDenied", "Access Denied");
        if (!objects.TryGetValue(key, out var stored)) throw new FakeAwsErrorException(404, "NoSuchKey", "The specified key does not exist.");
        return new LoopbackReply(200, "binary/octet-stream", stored.Content,
            [new("ETag", $"\"etag-v{stored.Version.ToString(CultureInfo.InvariantCulture)}\""),
             new("x-amz-version-id", "v" + stored.Version.ToString(CultureInfo.InvariantCulture))]);
    }

    private LoopbackReply ListObjectsV2(string bucket, SortedDictionary<string, StoredObject> objects, Dictionary<string, string> query)
    {
        var prefix = query.GetValueOrDefault("prefix", string.Empty);
        var maxKeys = query.TryGetValue("max-keys", out var max) ? int.Parse(max, CultureInfo.InvariantCulture) : 1000;
        var pageSize = Math.Min(Math.Min(maxKeys, PageSize), 1000);
        var after = query.TryGetValue("continuation-token", out var token) ? Encoding.UTF8.GetString(Convert.FromBase64String(token)) : null;
        var urlEncoded = query.GetValueOrDefault("encoding-type") == "url";
        var matching = objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && (after is null || string.CompareOrdinal(o.Key, after) > 0)).ToList();
        var page = matching.Take(pageSize).ToList();
        var truncated = matching.Count > page.Count;
        XNamespace ns = XmlNamespace;
        var result = new XElement(ns + "ListBucketResult",
            new XElement(ns + "Name", bucket),
            new XElement(ns + "Prefix", urlEncoded ? Encode(prefix) : prefix),
            new XElement(ns + "KeyCount", page.Count),
            new XElement(ns + "MaxKeys", maxKeys),
            urlEncoded ? new XElement(ns + "EncodingType", "url") : null,
            new XElement(ns + "IsTruncated", truncated ? "true" : "false"),
            token is null ? null : new XElement(ns + "ContinuationToken", token),
            truncated ? new XElement(ns + "NextContinuationToken", Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Key))) : null,
            page.Select(o => new XElement(ns + "Contents",
                new XElement(ns + "Key", urlEncoded ? Encode(o.Key) : o.Key),
                new XElement(ns + "LastModified", o.Value.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
                new XElement(ns + "ETag", "\"etag\""),
                new XElement(ns + "Size", o.Value.Content.Length),
                new XElement(ns + "StorageClass", "STANDARD"))));
        return new LoopbackReply(200, "application/xml", Encoding.UTF8.GetBytes(result.ToString(SaveOptions.DisableFormatting)), []);
    }

    /// <summary>"/bucket/a/b%20c" → ("bucket", "a/b c"); "/bucket" or "/bucket/" → ("bucket", null).</summary>
    private static (string Bucket, string? Key) Split(string rawPath)
    {
        var path = rawPath.TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return (Uri.UnescapeDataString(path), null);
        var key = Uri.UnescapeDataString(path[(slash + 1)..]);
        return (Uri.UnescapeDataString(path[..slash]), key.Length == 0 ? null : key);
    }

    private static Dictionary<string, string> Query(LoopbackRequest request) => request.RawQuery
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty, StringComparer.Ordinal);

    /// <summary>S3's encoding-type=url: percent-encoding with '+' for a space.</summary>
    private static string Encode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private sealed record StoredObject(byte[] Content, DateTimeOffset LastModified, int Version);
}
