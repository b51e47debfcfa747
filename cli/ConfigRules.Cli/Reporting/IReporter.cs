using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;

namespace ConfigRules.Cli.Reporting;

/// <summary>Writes findings in one output format as they come; <see cref="Complete"/> writes the summary.</summary>
public interface IReporter : IFindingSink, IDisposable
{
    void Begin(IReadOnlyList<SelectedRule> rules);
    void Complete(FindingSummary summary);
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
