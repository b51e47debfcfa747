using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ConfigRules.Aws.Protocols;

namespace ConfigRules.Aws.S3;

/// <summary>One <c>&lt;ListBucketResult&gt;</c> of ListObjectsV2, asked with <c>encoding-type=url</c>.</summary>
internal sealed record ListObjectsV2Page(IReadOnlyList<S3ObjectSummary> Objects, bool IsTruncated, string? NextContinuationToken)
{
    public static ListObjectsV2Page Read(byte[] body)
    {
        XElement? root;
        try
        {
            root = XmlReading.Load(body).Root;
        }
        catch (XmlException ex)
        {
            throw new AwsProtocolException($"S3 ListObjectsV2 answered with XML that cannot be read: {ex.Message}", ex);
        }
        if (root?.Name.LocalName != "ListBucketResult")
            throw new AwsProtocolException($"S3 ListObjectsV2 answered without <ListBucketResult>: root is <{root?.Name.LocalName}>.");
        var urlEncoded = XmlReading.ChildValue(root, "EncodingType") == "url";
        var objects = root.Elements().Where(e => e.Name.LocalName == "Contents").Select(c => Summary(c, urlEncoded)).ToList();
        var truncated = XmlReading.ChildValue(root, "IsTruncated") is { } flag && bool.Parse(flag.Trim());
        return new ListObjectsV2Page(objects, truncated, XmlReading.ChildValue(root, "NextContinuationToken"));
    }

    private static S3ObjectSummary Summary(XElement contents, bool urlEncoded)
    {
        var key = XmlReading.ChildValue(contents, "Key")
            ?? throw new AwsProtocolException("S3 ListObjectsV2 returned <Contents> without <Key>.");
        if (urlEncoded) key = Uri.UnescapeDataString(key.Replace('+', ' '));
        var size = XmlReading.ChildValue(contents, "Size") is { } sizeText
            ? long.Parse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new AwsProtocolException($"S3 ListObjectsV2 returned {key} without <Size>.");
        DateTimeOffset? modified = XmlReading.ChildValue(contents, "LastModified") is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
        return new S3ObjectSummary(key, size, modified, XmlReading.ChildValue(contents, "ETag"));
    }
}
