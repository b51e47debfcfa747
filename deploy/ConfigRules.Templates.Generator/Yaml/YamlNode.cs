namespace ConfigRules.Templates.Yaml;

/// <summary>
/// A small YAML document model: just what CloudFormation templates need (maps, sequences, scalars, the
/// short-form intrinsic tags and comments), so templates are built as structure and written by one writer.
/// </summary>
public abstract class YamlNode
{
    public static implicit operator YamlNode(string value) => new YamlScalar(value);
    public static implicit operator YamlNode(long value) => new YamlNumber(value);
    public static implicit operator YamlNode(bool value) => new YamlBoolean(value);
}

/// <summary>A string. Written plain when YAML would read it back as the same string, else double-quoted.</summary>
public sealed class YamlScalar(string value) : YamlNode
{
    public string Value { get; } = value;
}

/// <summary>A multi-line string written as a literal block (<c>|</c>), kept byte for byte.</summary>
public sealed class YamlLiteral(string value) : YamlNode
{
    public string Value { get; } = value;
}

public sealed class YamlNumber(long value) : YamlNode
{
    public long Value { get; } = value;
}

public sealed class YamlBoolean(bool value) : YamlNode
{
    public bool Value { get; } = value;
}

/// <summary>A tagged node: CloudFormation's short forms (<c>!Ref</c>, <c>!Sub</c>, <c>!If</c>, ...).</summary>
public sealed class YamlTagged(string tag, YamlNode value) : YamlNode
{
    public string Tag { get; } = tag;
    public YamlNode Value { get; } = value;
}

/// <summary>An ordered mapping; entries may carry a comment written above them.</summary>
public sealed class YamlMap : YamlNode
{
    private readonly List<YamlEntry> entries = [];

    public IReadOnlyList<YamlEntry> Entries => entries;

    public YamlMap Add(string key, YamlNode value, string? comment = null)
    {
        if (entries.Any(entry => entry.Key == key))
            throw new InvalidOperationException($"Duplicate key '{key}' in a YAML mapping.");
        entries.Add(new YamlEntry(key, value, comment));
        return this;
    }

    /// <summary>Adds the entry only when the value is present; keeps builders free of if-chains.</summary>
    public YamlMap AddIf(bool condition, string key, Func<YamlNode> value, string? comment = null) =>
        condition ? Add(key, value(), comment) : this;

    public YamlNode this[string key] =>
        entries.FirstOrDefault(entry => entry.Key == key)?.Value
        ?? throw new KeyNotFoundException($"No key '{key}' in the YAML mapping.");
}

public sealed record YamlEntry(string Key, YamlNode Value, string? Comment);

/// <summary>An ordered sequence; items may carry a comment written above them.</summary>
public sealed class YamlSequence : YamlNode
{
    private readonly List<(YamlNode Value, string? Comment)> items = [];

    public YamlSequence(params IEnumerable<YamlNode> values)
    {
        foreach (var value in values) items.Add((value, null));
    }

    public IReadOnlyList<(YamlNode Value, string? Comment)> Items => items;

    public YamlSequence Add(YamlNode value, string? comment = null)
    {
        items.Add((value, comment));
        return this;
    }
}
