using System.Globalization;
using System.Text;

namespace ConfigRules.Templates.Yaml;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree as block-style YAML, two spaces an indent, the way CloudFormation
/// templates are usually written. Strings are written plain only when every YAML 1.1/1.2 reader reads them
/// back as the same string; anything else is double-quoted, so no value changes type on the way.
/// </summary>
public static class YamlWriter
{
    private const int FlowWidth = 100;

    public static string Write(YamlMap root, string? headerComment = null)
    {
        var lines = new List<string>();
        if (headerComment is not null) AddComment(lines, 0, headerComment);
        WriteMap(lines, root, 0);
        return string.Join('\n', lines) + "\n";
    }

    private static void WriteMap(List<string> lines, YamlMap map, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var entry in map.Entries)
        {
            if (entry.Comment is not null) AddComment(lines, indent, entry.Comment);
            var key = FormatScalar(entry.Key, flow: false);
            WriteValue(lines, $"{pad}{key}:", entry.Value, indent);
        }
    }

    private static void WriteSequence(List<string> lines, YamlSequence sequence, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var (value, comment) in sequence.Items)
        {
            if (comment is not null) AddComment(lines, indent, comment);
            if (value is YamlMap { Entries.Count: > 0 } map)
            {
                if (map.Entries[0].Comment is not null)
                    throw new InvalidOperationException("Put the comment of a mapping in a sequence on the sequence item.");
                // The mapping's first entry shares the line with the dash: "- Key: value".
                var start = lines.Count;
                WriteMap(lines, map, indent + 2);
                lines[start] = pad + "- " + lines[start][(indent + 2)..];
            }
            else
            {
                WriteValue(lines, $"{pad}-", value, indent);
            }
        }
    }

    /// <summary>Writes "prefix value" inline when it fits on the line, else "prefix" and a nested block.</summary>
    private static void WriteValue(List<string> lines, string prefix, YamlNode value, int indent)
    {
        var inline = FormatInline(value, flow: false);
        if (inline is not null && prefix.Length + 1 + inline.Length <= FlowWidth + indent)
        {
            lines.Add($"{prefix} {inline}");
            return;
        }
        switch (value)
        {
            case YamlLiteral literal:
                WriteLiteral(lines, prefix, literal.Value, indent + 2);
                break;
            case YamlMap map:
                lines.Add(prefix);
                WriteMap(lines, map, indent + 2);
                break;
            case YamlSequence sequence:
                lines.Add(prefix);
                WriteSequence(lines, sequence, indent + 2);
                break;
            case YamlTagged { Value: YamlSequence sequence } tagged:
                lines.Add($"{prefix} {tagged.Tag}");
                WriteSequence(lines, sequence, indent + 2);
                break;
            case YamlTagged { Value: YamlMap map } tagged:
                lines.Add($"{prefix} {tagged.Tag}");
                WriteMap(lines, map, indent + 2);
                break;
            case YamlTagged { Value: YamlLiteral literal } tagged:
                WriteLiteral(lines, $"{prefix} {tagged.Tag}", literal.Value, indent + 2);
                break;
            default:
                // A long scalar: still one line; YAML has no line limit and folding would change nothing.
                lines.Add($"{prefix} {inline ?? throw new InvalidOperationException($"Cannot write {value.GetType().Name}.")}");
                break;
        }
    }

    private static void WriteLiteral(List<string> lines, string prefix, string text, int indent)
    {
        if (text.Length == 0) throw new InvalidOperationException("An empty literal block; use a scalar.");
        if (text[0] == ' ') throw new InvalidOperationException("A literal block cannot start with a space here.");
        var chomping = text.EndsWith("\n\n", StringComparison.Ordinal) ? "+" : text.EndsWith('\n') ? "" : "-";
        lines.Add($"{prefix} |{chomping}");
        var body = text.EndsWith('\n') ? text[..^1] : text;
        var pad = new string(' ', indent);
        foreach (var line in body.Split('\n'))
        {
            if (line.Contains('\r', StringComparison.Ordinal)) throw new InvalidOperationException("Carriage returns in a literal block.");
            lines.Add(line.Length == 0 ? "" : pad + line);
        }
    }

    /// <summary>The node on one line, or null when it needs a block.</summary>
    private static string? FormatInline(YamlNode node, bool flow) => node switch
    {
        YamlScalar scalar => FormatScalar(scalar.Value, flow),
        YamlNumber number => number.Value.ToString(CultureInfo.InvariantCulture),
        YamlBoolean boolean => boolean.Value ? "true" : "false",
        YamlMap { Entries.Count: 0 } => "{}",
        YamlSequence { Items.Count: 0 } => "[]",
        YamlSequence sequence when flow || sequence.Items.All(item => item.Value is YamlTagged) => FormatFlowSequence(sequence),
        YamlTagged { Value: YamlScalar } tagged when FormatInline(tagged.Value, flow) is { } inner => $"{tagged.Tag} {inner}",
        YamlTagged { Value: YamlSequence } tagged when FormatInline(tagged.Value, flow: true) is { } inner => $"{tagged.Tag} {inner}",
        _ => null,
    };

    private static string? FormatFlowSequence(YamlSequence sequence)
    {
        if (sequence.Items.Any(item => item.Comment is not null)) return null;
        var parts = new List<string>();
        foreach (var (value, _) in sequence.Items)
        {
            if (FormatInline(value, flow: true) is not { } part) return null;
            parts.Add(part);
        }
        var text = "[" + string.Join(", ", parts) + "]";
        return text.Length <= FlowWidth ? text : null;
    }

    public static string FormatScalar(string value, bool flow) =>
        IsSafePlain(value, flow) ? value : Quote(value);

    private static bool IsSafePlain(string value, bool flow)
    {
        if (value.Length == 0 || !(char.IsAsciiLetter(value[0]) || value[0] is '_' or '/' or '$')) return false;
        if (value[^1] is ' ' or ':') return false;
        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)) return false;
        foreach (var c in value)
        {
            var allowed = char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '.' or '/' or ':' or '@' or '(' or ')' or '+' or '=' or '-' or '$' or '*';
            if (!allowed) return false;
        }
        if (flow && (value.Contains(' ', StringComparison.Ordinal) || value.Contains(':', StringComparison.Ordinal))) return false;
        return !ReservedWords.Contains(value);
    }

    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "nan", "inf",
    };

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }

    private static void AddComment(List<string> lines, int indent, string comment)
    {
        var pad = new string(' ', indent);
        foreach (var line in comment.Split('\n')) lines.Add(line.Length == 0 ? $"{pad}#" : $"{pad}# {line}");
    }
}
