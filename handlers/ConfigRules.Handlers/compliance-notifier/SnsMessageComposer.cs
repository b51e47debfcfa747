using System.Text;
using System.Text.Json;

namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>
/// Writes a notice as one SNS Publish with <c>MessageStructure=json</c>: readable text for email (and the
/// default), the JSON document for SQS, Lambda and HTTP(S). Keeps the whole publish within SNS's limit by
/// cutting the annotation, the one part without a small bound, to the longest length that fits.
/// </summary>
public static class SnsMessageComposer
{
    /// <summary>SNS's limit for a publish: 262,144 bytes of message and attributes.</summary>
    public const int SnsLimitBytes = 262_144;
    /// <summary>Room kept free below the limit, so that a byte counted differently by SNS never fails a publish.</summary>
    public const int SafetyMarginBytes = 1024;
    public const int MaxBytes = SnsLimitBytes - SafetyMarginBytes;

    private static readonly string[] TextProtocols = ["default", "email"];
    private static readonly string[] DocumentProtocols = ["sqs", "lambda", "http", "https"];

    public static SnsNotice Compose(ComplianceNotice notice, string topicArn, int maxBytes = MaxBytes)
    {
        var full = Build(notice, topicArn);
        if (full.SizeInBytes <= maxBytes || notice.Annotation is null) return EnsureFits(full, maxBytes);

        // The size grows with the annotation's length: find the longest cut that fits.
        var annotation = notice.Annotation;
        int low = 0, high = annotation.Length;
        SnsNotice? best = null;
        while (low <= high)
        {
            var length = low + ((high - low) / 2);
            var candidate = Build(Cut(notice, annotation, length), topicArn);
            if (candidate.SizeInBytes <= maxBytes) { best = candidate; low = length + 1; }
            else high = length - 1;
        }
        return EnsureFits(best ?? Build(Cut(notice, annotation, 0), topicArn), maxBytes);
    }

    private static ComplianceNotice Cut(ComplianceNotice notice, string annotation, int length)
    {
        // The exemption's reason is read from the same annotation: keep no more of it than of the annotation.
        var exemption = notice.Exemption is { Reason: { } reason } details && reason.Length > length
            ? details with { Reason = Prefix(reason, length) }
            : notice.Exemption;
        return notice with { Annotation = Prefix(annotation, length), AnnotationTruncated = true, Exemption = exemption };
    }

    /// <summary>The first <paramref name="length"/> characters, never splitting a surrogate pair (the message must stay valid UTF-8).</summary>
    private static string Prefix(string text, int length)
    {
        if (length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1])) length--;
        return text[..length].TrimEnd();
    }

    private static SnsNotice EnsureFits(SnsNotice notice, int maxBytes) => notice.SizeInBytes <= maxBytes
        ? notice
        : throw new InvalidOperationException(
            $"The notice is {notice.SizeInBytes} bytes without its annotation, over the {maxBytes}-byte budget; the event's fields are larger than AWS Config ever sends.");

    private static SnsNotice Build(ComplianceNotice notice, string topicArn)
    {
        var text = NoticeText.Write(notice);
        var document = NoticeDocument.Serialize(notice);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var protocol in TextProtocols) writer.WriteString(protocol, text);
            foreach (var protocol in DocumentProtocols) writer.WriteString(protocol, document);
            writer.WriteEndObject();
        }
        return new SnsNotice(topicArn, notice.Subject, Encoding.UTF8.GetString(buffer.ToArray()), "json", notice.Attributes);
    }
}
