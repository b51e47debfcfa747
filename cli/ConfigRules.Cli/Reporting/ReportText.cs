using System.Text;
using ConfigRules.Cli.Engine;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Reporting;

/// <summary>What the reports for people (table, HTML) say alike about a finding, and how they write their text.</summary>
internal static class ReportText
{
    /// <summary>Findings an exemption made NOT_APPLICABLE: the reports show them as their own kind.</summary>
    public const string Exempted = "EXEMPTED";

    /// <summary>The finding's kind as the reports show it: <see cref="Exempted"/>, else its compliance type.</summary>
    public static string Category(Finding finding) => finding.Exempted is not null ? Exempted : finding.Compliance.ToWire();

    /// <summary>Where the item was read: <c>file:line</c>, or the file alone.</summary>
    public static string Where(SourceLocation source) => source.Line is { } line ? $"{source.File}:{line}" : source.File;

    /// <summary>UTF-8 without a byte order mark and <c>\n</c> line ends on every platform; the output stays open for its owner.</summary>
    public static StreamWriter Writer(Stream output, int bufferSize) =>
        new(output, new UTF8Encoding(false), bufferSize, leaveOpen: true) { NewLine = "\n" };
}
