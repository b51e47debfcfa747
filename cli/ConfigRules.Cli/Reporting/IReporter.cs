using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;

namespace ConfigRules.Cli.Reporting;

/// <summary>Writes findings in one output format as they come; <see cref="Complete"/> writes the summary.</summary>
public interface IReporter : IFindingSink, IDisposable
{
    void Begin(IReadOnlyList<SelectedRule> rules);
    void Complete(FindingSummary summary);

    /// <summary>
    /// A sink for the findings of one run of items, filled on a worker thread (one fragment per thread at a time);
    /// <see cref="Append"/> then adds them, in input order, on the thread that writes. A format that can render
    /// findings apart does so in the fragment; the others keep the findings and take them one by one.
    /// </summary>
    FindingFragment CreateFragment() => new FindingList();

    /// <summary>Adds a fragment's findings after those added before; the fragment is then cleared for reuse.</summary>
    void Append(FindingFragment fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        foreach (var finding in ((FindingList)fragment).Findings) Add(finding);
        fragment.Clear();
    }
}

/// <summary>The findings of a run of items, gathered apart from the report and added to it in order.</summary>
public abstract class FindingFragment : IFindingSink, IDisposable
{
    public abstract void Add(Finding finding);

    public abstract void Clear();

    /// <summary>
    /// The findings added since the last <see cref="Clear"/>, rendered as <see cref="Append"/> will write them, for
    /// formats that render apart: bytes that can be kept (on disk) and added to a fragment later with
    /// <see cref="AddRendered"/>. Null for formats that keep the findings themselves.
    /// </summary>
    public virtual ReadOnlyMemory<byte>? Rendered => null;

    /// <summary>Adds findings rendered earlier (<see cref="Rendered"/> of a fragment of the same report) after those added before.</summary>
    public virtual void AddRendered(ReadOnlySpan<byte> rendered) =>
        throw new NotSupportedException($"{GetType().Name} keeps findings, not their rendering.");

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

/// <summary>The findings themselves, for reporters that group or sort them (table, SARIF, HTML).</summary>
public sealed class FindingList : FindingFragment
{
    public List<Finding> Findings { get; } = [];

    public override void Add(Finding finding) => Findings.Add(finding);

    public override void Clear() => Findings.Clear();
}

public static class Reporters
{
    public static IReporter For(OutputFormat format, CliConsole console) => format switch
    {
        OutputFormat.Json => new JsonReporter(console.StandardOutput),
        OutputFormat.Sarif => new SarifReporter(console.StandardOutput),
        OutputFormat.Html => new HtmlReporter(console.StandardOutput, console.Clock),
        _ => new TableReporter(console.StandardOutput, console.UseColor),
    };

    /// <summary>Timestamps as AWS Config's JSON writes them: UTC, milliseconds, <c>Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString(TimestampFormat, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The length of <see cref="Timestamp"/>'s text: <c>2024-01-02T03:04:05.678Z</c>.</summary>
    public const int TimestampLength = 24;

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary><see cref="Timestamp"/> written as UTF-8 into <paramref name="destination"/> (<see cref="TimestampLength"/> bytes), without a string.</summary>
    public static void FormatTimestamp(DateTimeOffset value, Span<byte> destination)
    {
        if (!value.UtcDateTime.TryFormat(destination, out var written, TimestampFormat, System.Globalization.CultureInfo.InvariantCulture) || written != TimestampLength)
            throw new InvalidOperationException($"The timestamp {value:O} does not format to {TimestampLength} characters.");
    }
}
