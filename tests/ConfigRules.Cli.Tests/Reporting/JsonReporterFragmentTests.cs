using System.Text;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Reporting;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;
using FrameworkEvaluation = ConfigRules.Framework.Evaluation.Evaluation;

namespace ConfigRules.Cli.Tests.Reporting;

/// <summary>Findings rendered apart in fragments and joined make the same bytes as findings written one by one.</summary>
[TestFixture]
public sealed class JsonReporterFragmentTests
{
    private static readonly SelectedRule Rule = new(RuleCatalog.Find("lambda-timeout-check")!, new object(), new Dictionary<string, string>());

    [TestCase(0, 0)]
    [TestCase(1, 1)]
    [TestCase(7, 3)]
    [TestCase(50, 1)]
    public void Fragments_join_into_the_report_written_finding_by_finding(int findings, int fragments)
    {
        var all = Enumerable.Range(0, findings).Select(Finding).ToList();

        var direct = Write(reporter => all.ForEach(reporter.Add));
        var joined = Write(reporter =>
        {
            var fragment = reporter.CreateFragment();
            // Uneven runs, and an empty fragment now and then, as batches that end with items of no rule's type.
            foreach (var run in all.Chunk(Math.Max(1, (findings + fragments - 1) / Math.Max(1, fragments))))
            {
                reporter.Append(fragment);
                foreach (var finding in run) fragment.Add(finding);
                reporter.Append(fragment);
            }
        });

        joined.Should().Be(direct);
    }

    private static Finding Finding(int index) => new(Rule,
        new FrameworkEvaluation("AWS::Lambda::Function", $"fn-\"{index}\"", index % 3 == 0 ? ComplianceType.NonCompliant : ComplianceType.Compliant,
            index % 2 == 0 ? null : $"Timeout {index} s is longer than 300 s.", new DateTimeOffset(2026, 10, 1, 8, 0, index, TimeSpan.Zero)),
        null);

    private static string Write(Action<JsonReporter> add)
    {
        var output = new MemoryStream();
        using (var reporter = new JsonReporter(output))
        {
            reporter.Begin([Rule]);
            add(reporter);
            reporter.Complete(new FindingSummary());
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
