using System.Text.RegularExpressions;

namespace ConfigRules.Rules.Tests.Catalog;

/// <summary>The parts of a rule's README.md that the catalog data must agree with.</summary>
internal sealed partial record RuleReadme(
    string Heading,
    string? FirstParagraph,
    IReadOnlyList<string> ResourceTypes,
    string? Severity,
    IReadOnlyList<(string Name, string Type, string Default)> Parameters,
    IReadOnlyList<string> IamActions,
    IReadOnlyList<string> ExampleAnnotations)
{
    public static RuleReadme Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var heading = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? "";
        var firstParagraph = lines.SkipWhile(l => !l.StartsWith("# ", StringComparison.Ordinal)).Skip(1)
            .SkipWhile(string.IsNullOrWhiteSpace).FirstOrDefault();
        var resourceLine = lines.FirstOrDefault(l => l.Contains("**Resource type", StringComparison.Ordinal)) ?? "";
        var severityLine = lines.FirstOrDefault(l => l.Contains("**Severity:**", StringComparison.Ordinal));
        return new RuleReadme(
            heading,
            firstParagraph,
            Code().Matches(resourceLine).Select(m => m.Groups[1].Value).ToArray(),
            severityLine?[(severityLine.IndexOf("**Severity:**", StringComparison.Ordinal) + 13)..].Trim(),
            ReadParameters(Section(lines, "## Parameters")),
            Section(lines, "## IAM actions").Where(l => l.StartsWith("- `", StringComparison.Ordinal))
                .Select(l => Code().Match(l).Groups[1].Value).ToArray(),
            Section(lines, "## Example annotations").Where(l => l.StartsWith("- ", StringComparison.Ordinal))
                .Select(l => Code().Matches(l).Last().Groups[1].Value).ToArray());
    }

    private static List<(string, string, string)> ReadParameters(IEnumerable<string> section)
    {
        var rows = new List<(string, string, string)>();
        foreach (var line in section.Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            var name = Code().Match(cells[1]).Groups[1].Value;
            var defaultValue = cells[3] == "(none)" ? "(none)" : Code().Match(cells[3]) is { Success: true } m ? m.Groups[1].Value : cells[3];
            rows.Add((name, cells[2], defaultValue));
        }
        return rows;
    }

    /// <summary>The lines after a heading that starts with <paramref name="headingPrefix"/>, up to the next heading of that level.</summary>
    private static IEnumerable<string> Section(string[] lines, string headingPrefix) =>
        lines.SkipWhile(l => !l.StartsWith(headingPrefix, StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
