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
        _ => new TableReporter(console.StandardOutput, console.UseColor),
    };

    /// <summary>Timestamps as AWS Config's JSON writes them: UTC, milliseconds, <c>Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
