namespace ConfigRules.Framework.Text;

/// <summary>
/// The one way the code base shortens text it quotes back (a bad parameter value, an ARN in a finding, a
/// subject line): at most a given number of characters, the cut marked with <see cref="Marker"/>, so that
/// whatever arrives, the message around it stays readable and within its limits. Config annotations have their
/// own rule (<see cref="Evaluation.Annotation.Fit"/>: cut at a word).
/// </summary>
public static class TextShortening
{
    public const string Marker = "...";

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="maxLength"/> characters; otherwise its start and
    /// the marker, <paramref name="maxLength"/> characters in all (only the start when the marker does not fit).
    /// </summary>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength) return text;
        if (maxLength <= Marker.Length) return text[..Cut(text, Math.Max(maxLength, 0))];
        return string.Concat(text.AsSpan(0, Cut(text, maxLength - Marker.Length)), Marker);
    }

    /// <summary>
    /// Keeps the first <paramref name="head"/> characters and the end, the marker between, <paramref name="maxLength"/>
    /// characters in all: for ARNs and paths, whose distinguishing name is at the end.
    /// </summary>
    public static string ShortenMiddle(string text, int maxLength, int head = 40)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, head + Marker.Length + 1);
        if (text.Length <= maxLength) return text;
        var start = Cut(text, head);
        var tail = maxLength - start - Marker.Length;
        return string.Concat(text.AsSpan(0, start), Marker, text.AsSpan(text.Length - tail));
    }

    /// <summary>The values quoted and joined with commas, each shortened to <paramref name="maxEach"/>: 'a', 'b'.</summary>
    public static string QuotedList(IEnumerable<string> values, int maxEach) =>
        string.Join(", ", values.Select(value => $"'{Shorten(value, maxEach)}'"));

    /// <summary>A cut at <paramref name="length"/> that does not split a surrogate pair.</summary>
    private static int Cut(string text, int length) =>
        length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
}
