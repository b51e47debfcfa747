using System.Text;

namespace ConfigRules.LambdaRuntime.Errors;

/// <summary>Cuts text to a UTF-8 byte budget without splitting a character, marking what was cut.</summary>
public static class ErrorText
{
    public const string TruncationMarker = " …[truncated]";

    private static readonly int MarkerBytes = Encoding.UTF8.GetByteCount(TruncationMarker);

    /// <summary>
    /// The text itself when it fits in <paramref name="maxUtf8Bytes"/>; otherwise its longest prefix of whole
    /// characters (surrogate pairs kept together) followed by <see cref="TruncationMarker"/>, all within the budget.
    /// </summary>
    public static string Truncate(string? text, int maxUtf8Bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUtf8Bytes, MarkerBytes + 4);
        if (string.IsNullOrEmpty(text)) return string.Empty;
        if (Encoding.UTF8.GetMaxByteCount(text.Length) <= maxUtf8Bytes || Encoding.UTF8.GetByteCount(text) <= maxUtf8Bytes)
            return text;

        var budget = maxUtf8Bytes - MarkerBytes;
        var used = 0;
        var cut = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > budget) break;
            used += rune.Utf8SequenceLength;
            cut += rune.Utf16SequenceLength;
        }
        return string.Concat(text.AsSpan(0, cut), TruncationMarker);
    }

    /// <summary>Makes a value safe for an HTTP header: printable ASCII only, at most <paramref name="maxLength"/> characters.</summary>
    public static string HeaderSafe(string? value, int maxLength, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var c in value)
        {
            if (builder.Length == maxLength) break;
            builder.Append(c is >= '!' and <= '~' ? c : '_');
        }
        return builder.ToString();
    }
}
