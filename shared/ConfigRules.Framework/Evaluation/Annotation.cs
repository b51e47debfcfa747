namespace ConfigRules.Framework.Evaluation;

/// <summary>Keeps annotations within Config's limit: 1 to 256 characters, cut at a word with an ellipsis.</summary>
public static class Annotation
{
    public const int MaxLength = 256;
    private const char Ellipsis = '\u2026';

    /// <summary>The annotation fitted to Config's limits, or null when there is nothing to say.</summary>
    public static string? Fit(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = CollapseWhitespace(text);
        if (normalized.Length <= MaxLength) return normalized;

        // Leave room for the ellipsis, then step back to the last word boundary if there is a reasonable one.
        var cut = normalized.AsSpan(0, MaxLength - 1);
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace >= MaxLength / 2) cut = cut[..lastSpace];
        return string.Concat(cut.TrimEnd(" ,;:.-".AsSpan()), Ellipsis.ToString());
    }

    /// <summary>Line breaks and runs of spaces read badly in the console and in notices.</summary>
    private static string CollapseWhitespace(string text)
    {
        var trimmed = text.Trim();
        var needsWork = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is '\r' or '\n' or '\t' || (c == ' ' && i + 1 < trimmed.Length && trimmed[i + 1] == ' ')) { needsWork = true; break; }
        }
        if (!needsWork) return trimmed;
        var builder = new System.Text.StringBuilder(trimmed.Length);
        var previousSpace = false;
        foreach (var c in trimmed)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (isSpace && previousSpace) continue;
            builder.Append(isSpace ? ' ' : c);
            previousSpace = isSpace;
        }
        return builder.ToString();
    }
}
