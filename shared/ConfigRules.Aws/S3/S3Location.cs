using System.Diagnostics.CodeAnalysis;

namespace ConfigRules.Aws.S3;

/// <summary>
/// An <c>s3://bucket/key</c> URI: one object, or with an empty key or a key ending in '/' a prefix (every object
/// under it). The bucket name is checked against S3's naming rules so that a typo is reported before any request.
/// </summary>
public sealed record S3Location(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    /// <summary>True when the location names a prefix (no key, or a key ending in '/') rather than one object.</summary>
    public bool IsPrefix => Key.Length == 0 || Key.EndsWith('/');

    /// <exception cref="FormatException">The text is not an s3://bucket[/key] URI; the message says what is accepted.</exception>
    public static S3Location Parse(string text) =>
        TryParse(text, out var location, out var problem) ? location : throw new FormatException(problem);

    public static bool TryParse(string? text, [NotNullWhen(true)] out S3Location? location, [NotNullWhen(false)] out string? problem)
    {
        location = null;
        const string accepted = "expected s3://<bucket>/<key> for one object or s3://<bucket>/<prefix>/ for every object under a prefix";
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            problem = $"'{text}' is not an S3 URI; {accepted}.";
            return false;
        }
        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (BucketProblem(bucket) is { } bucketProblem)
        {
            problem = $"'{text}' does not name a bucket: {bucketProblem}; {accepted}.";
            return false;
        }
        if (System.Text.Encoding.UTF8.GetByteCount(key) > 1024)
        {
            problem = $"'{text}' has a key longer than S3's 1,024 bytes.";
            return false;
        }
        location = new S3Location(bucket, key);
        problem = null;
        return true;
    }

    /// <summary>Why a bucket name breaks S3's rules (3 to 63 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit), or null.</summary>
    public static string? BucketProblem(string bucket)
    {
        if (bucket.Length is < 3 or > 63) return $"the bucket name '{bucket}' must have 3 to 63 characters";
        if (!bucket.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            return $"the bucket name '{bucket}' may hold only lower-case letters, digits, '.' and '-'";
        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
            return $"the bucket name '{bucket}' must start and end with a letter or digit";
        return null;
    }

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
