using System.Globalization;

namespace ConfigRules.Rules.LambdaRuntime;

/// <summary>
/// The project's dated table of Lambda runtimes (<c>runtimes.csv</c> beside this file, embedded in the
/// assembly). Loading is plain text parsing of a manifest resource: nothing reflective, so Native AOT keeps it.
/// </summary>
public sealed class RuntimeTable
{
    public const string ResourceName = "ConfigRules.Rules.runtimes.csv";
    public const string FileName = "runtimes.csv";
    public const string Header = "identifier,name,deprecation,blockCreate,blockUpdate,successor";

    private static readonly Lazy<RuntimeTable> EmbeddedLazy = new(LoadEmbedded);

    private readonly Dictionary<string, RuntimeEntry> _byIdentifier;

    private RuntimeTable(IReadOnlyList<RuntimeEntry> entries, DateOnly? checkedOn)
    {
        Entries = entries;
        CheckedOn = checkedOn;
        _byIdentifier = entries.ToDictionary(e => e.Identifier, StringComparer.Ordinal);
    }

    /// <summary>The table shipped in the assembly.</summary>
    public static RuntimeTable Embedded => EmbeddedLazy.Value;

    /// <summary>Every runtime, in file order.</summary>
    public IReadOnlyList<RuntimeEntry> Entries { get; }

    /// <summary>When the table was last checked against AWS (the header's <c># Checked:</c> date), if given.</summary>
    public DateOnly? CheckedOn { get; }

    public bool TryFind(string identifier, out RuntimeEntry entry) =>
        _byIdentifier.TryGetValue(identifier, out entry!);

    /// <summary>
    /// Parses the CSV: <c>#</c> comment lines and blank lines are skipped, then the header row, then one runtime
    /// a row. Every error names the source and line and says what was expected.
    /// </summary>
    public static RuntimeTable Parse(TextReader reader, string sourceName)
    {
        var entries = new List<RuntimeEntry>();
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        DateOnly? checkedOn = null;
        var sawHeader = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0) continue;
            if (text.StartsWith('#'))
            {
                checkedOn ??= ReadCheckedDate(text, sourceName, lineNumber);
                continue;
            }
            if (!sawHeader)
            {
                if (!string.Equals(text, Header, StringComparison.Ordinal))
                    throw Error(sourceName, lineNumber, $"expected the header row '{Header}', found '{text}'.");
                sawHeader = true;
                continue;
            }
            var entry = ParseRow(text, sourceName, lineNumber);
            if (!lineOf.TryAdd(entry.Identifier, lineNumber))
                throw Error(sourceName, lineNumber, $"runtime '{entry.Identifier}' is listed twice (first on line {lineOf[entry.Identifier]}).");
            entries.Add(entry);
        }
        if (!sawHeader) throw Error(sourceName, lineNumber, $"the file has no header row '{Header}'.");
        if (entries.Count == 0) throw Error(sourceName, lineNumber, "the file lists no runtimes.");

        foreach (var entry in entries)
        {
            if (entry.Successor is { } successor && !lineOf.ContainsKey(successor))
                throw Error(sourceName, lineOf[entry.Identifier], $"successor '{successor}' of '{entry.Identifier}' is not a runtime in the table.");
        }
        return new RuntimeTable(entries, checkedOn);
    }

    public static RuntimeTable Parse(string text, string sourceName) => Parse(new StringReader(text), sourceName);

    private static RuntimeTable LoadEmbedded()
    {
        using var stream = typeof(RuntimeTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no embedded resource {ResourceName} (rules/lambda-runtime-check/{FileName}).");
        using var reader = new StreamReader(stream);
        return Parse(reader, FileName);
    }

    private static RuntimeEntry ParseRow(string text, string sourceName, int lineNumber)
    {
        if (text.Contains('"'))
            throw Error(sourceName, lineNumber, "quoted fields are not supported; names must not contain commas or quotes.");
        var fields = text.Split(',');
        if (fields.Length != 6)
            throw Error(sourceName, lineNumber, $"expected 6 comma-separated fields ({Header}), found {fields.Length}.");
        var identifier = fields[0].Trim();
        if (!RuntimeIdentifier.IsWellFormed(identifier))
            throw Error(sourceName, lineNumber, $"identifier '{identifier}' is not a runtime identifier ({RuntimeIdentifier.Examples}).");
        var name = fields[1].Trim();
        if (name.Length == 0) throw Error(sourceName, lineNumber, $"runtime '{identifier}' has no name.");
        var successor = fields[5].Trim();
        if (successor.Length > 0 && !RuntimeIdentifier.IsWellFormed(successor))
            throw Error(sourceName, lineNumber, $"successor '{successor}' is not a runtime identifier ({RuntimeIdentifier.Examples}).");
        if (string.Equals(successor, identifier, StringComparison.Ordinal))
            throw Error(sourceName, lineNumber, $"runtime '{identifier}' names itself as its successor.");
        return new RuntimeEntry(
            identifier,
            name,
            ParseDate(fields[2], "deprecation", sourceName, lineNumber),
            ParseDate(fields[3], "blockCreate", sourceName, lineNumber),
            ParseDate(fields[4], "blockUpdate", sourceName, lineNumber),
            successor.Length == 0 ? null : successor);
    }

    private static DateOnly? ParseDate(string field, string column, string sourceName, int lineNumber)
    {
        var text = field.Trim();
        if (text.Length == 0) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(sourceName, lineNumber, $"{column} '{text}' is not a date; expected yyyy-MM-dd or empty.");
    }

    /// <summary>Reads <c># Checked: yyyy-MM-dd ...</c>; other comments carry no data.</summary>
    private static DateOnly? ReadCheckedDate(string comment, string sourceName, int lineNumber)
    {
        const string Prefix = "Checked:";
        var body = comment.TrimStart('#').TrimStart();
        if (!body.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var value = body[Prefix.Length..].TrimStart();
        var token = value.Length >= 10 ? value[..10] : value;
        return DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(sourceName, lineNumber, $"the '# Checked:' date '{token}' is not a date; expected yyyy-MM-dd.");
    }

    private static RuntimeTableFormatException Error(string sourceName, int lineNumber, string message) =>
        new($"{sourceName} line {lineNumber}: {message}", lineNumber);
}

/// <summary>The runtime table cannot be read; the message names the line and what was expected.</summary>
public sealed class RuntimeTableFormatException(string message, int lineNumber) : Exception(message)
{
    public int LineNumber { get; } = lineNumber;
}
