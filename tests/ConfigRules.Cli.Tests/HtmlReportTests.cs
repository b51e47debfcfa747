using System.Text.RegularExpressions;
using ConfigRules.Cli.Tests.Support;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>The HTML report rendered in headless Chromium: self-contained, a chart by rule and compliance type, filters that work.</summary>
[TestFixture]
[NonParallelizable]
public sealed partial class HtmlReportTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("configrules-html-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task The_page_is_self_contained_and_shows_every_evaluation_in_the_chart_and_the_table()
    {
        var json = await CliProcess.RunAsync("evaluate", "--format", "json", "--now", "2026-06-01");
        var page = await WriteReportAsync("evaluate", "--format", "html", "--now", "2026-06-01");
        var html = await File.ReadAllTextAsync(page);

        html.Should().Contain("Content-Security-Policy").And.Contain("default-src 'none'");
        ExternalReference().Matches(html).Select(m => m.Value).Should().BeEmpty("no request may leave the page");

        var dom = await HeadlessChromium.DumpDomAsync(page);
        var evaluations = json.Evaluations();
        Rows(dom).Should().HaveCount(evaluations.Count);
        dom.Should().Contain($"{evaluations.Count} of {evaluations.Count} findings shown", "the filter script ran");
        foreach (var rule in evaluations.Keys.Select(k => k.Rule).Distinct())
        {
            var counted = ChartSegments().Matches(dom).Where(m => m.Groups["rule"].Value == rule)
                .ToDictionary(m => m.Groups["compliance"].Value, m => int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var compliance in new[] { "COMPLIANT", "NON_COMPLIANT" })
            {
                var expected = evaluations.Count(e => e.Key.Rule == rule && e.Value == compliance);
                counted.GetValueOrDefault(compliance).Should().Be(expected, $"the chart's {compliance} bar of {rule}");
            }
        }
    }

    [Test]
    public async Task Filters_from_the_address_show_only_matching_findings()
    {
        var json = await CliProcess.RunAsync("evaluate", "--format", "json");
        var page = await WriteReportAsync("evaluate", "--format", "html");
        var nonCompliant = json.Evaluations().Count(e => e.Value == "NON_COMPLIANT");

        var byCompliance = await HeadlessChromium.DumpDomAsync(page, "#compliance=NON_COMPLIANT");
        var shown = Rows(byCompliance).Where(row => !row.Hidden).ToList();
        shown.Should().HaveCount(nonCompliant).And.OnlyContain(row => row.Compliance == "NON_COMPLIANT");

        var byRuleAndText = await HeadlessChromium.DumpDomAsync(page, "#rule=lambda-runtime-check&text=legacy-report-generator");
        Rows(byRuleAndText).Where(row => !row.Hidden).Should().ContainSingle()
            .Which.Should().Match<Row>(row => row.Rule == "lambda-runtime-check" && row.Text.Contains("legacy-report-generator"));
    }

    [Test]
    public async Task Exempted_findings_are_shown_with_owner_and_expiry()
    {
        var page = await WriteReportAsync("evaluate", "inputs/array.json", "--rule", "lambda-memory-size-check", "--exemptions", "exemptions/memory.yaml",
            "--format", "html", "--now", "2026-06-01");

        var dom = await HeadlessChromium.DumpDomAsync(page, "#compliance=EXEMPTED");
        var exempted = Rows(dom).Where(row => !row.Hidden).ToList();
        exempted.Should().ContainSingle().Which.Text.Should()
            .Contain("fn-huge").And.Contain("until 2026-12-31 (platform-team, OPS-42): Report rendering needs 4 GB");
    }

    [Test]
    public async Task Templates_can_be_reported_as_html()
    {
        var page = await WriteReportAsync("check-template", "templates", "--format", "html");
        var dom = await HeadlessChromium.DumpDomAsync(page);
        Rows(dom).Should().Contain(row => row.Rule == "lambda-runtime-check" && row.Compliance == "NON_COMPLIANT" && row.Text.Contains("ReportFunction"));
    }

    private async Task<string> WriteReportAsync(params string[] args)
    {
        var run = await CliProcess.RunAsync(args);
        run.ExitCode.Should().BeOneOf([0, 1], run.StandardError);
        var page = Path.Combine(_folder, $"report-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(page, run.StandardOutput);
        return page;
    }

    private sealed record Row(string Rule, string Compliance, bool Hidden, string Text);

    private static List<Row> Rows(string dom) =>
    [
        .. FindingRow().Matches(dom).Select(m => new Row(
            m.Groups["rule"].Value,
            m.Groups["compliance"].Value,
            m.Groups["attributes"].Value.Contains("hidden", StringComparison.Ordinal),
            System.Net.WebUtility.HtmlDecode(Tags().Replace(m.Groups["cells"].Value, " "))))
    ];

    [GeneratedRegex("""<tr class="finding" data-rule="(?<rule>[^"]+)" data-compliance="(?<compliance>[^"]+)"(?<attributes>[^>]*)>(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex FindingRow();

    [GeneratedRegex("""<span class="segment [A-Z_]+" data-rule="(?<rule>[^"]+)" data-compliance="(?<compliance>[A-Z_]+)" data-count="(?<count>\d+)""")]
    private static partial Regex ChartSegments();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("""(?:src|href|action)\s*=\s*["']?\s*(?:https?:|//|file:)|url\(|@import""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
