using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Rules.LambdaRuntime;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaRuntime;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class LambdaRuntimeCheckTests(ItemShape shape)
{
    /// <summary>A fixed table, so the rule's logic is tested apart from the real table's data.</summary>
    private static readonly RuntimeTable TestTable = RuntimeTable.Parse(
        """
        # Checked: 2026-11-01
        identifier,name,deprecation,blockCreate,blockUpdate,successor
        python3.8,Python 3.8,2024-10-14,,,python3.14
        python3.9,Python 3.9,2025-12-15,2027-02-01,2027-03-03,python3.14
        go1.x,Go 1.x,2024-01-08,2024-02-08,,provided.al2023
        nodejs18.x,Node.js 18,2025-09-01,,2026-07-01,nodejs24.x
        nodejs22.x,Node.js 22,2027-04-30,2027-06-01,2027-07-01,nodejs24.x
        nodejs24.x,Node.js 24,2028-04-30,2028-06-01,2028-07-01,
        python3.14,Python 3.14,2029-06-30,2029-07-31,2029-08-31,
        java8.al2023,Java 8 (Amazon Linux 2023),,,,
        provided.al2023,OS-only Runtime (Amazon Linux 2023),2029-06-30,2029-07-31,2029-08-31,
        """, "test-runtimes.csv");

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly LambdaRuntimeCheck _rule = new(TestTable);

    private ConfigurationItem FunctionOn(string runtime) => ConfigurationItemBuilder.LambdaFunction().With("runtime", runtime).Build(shape);

    private static Dictionary<string, string> NoParams => [];

    public static IEnumerable<TestCaseData> Findings()
    {
        yield return new TestCaseData("python3.8", NoParams, "2026-11-26",
            "Runtime python3.8 was deprecated on 2024-10-14; move to python3.14.").SetName("deprecated, no block dates");
        yield return new TestCaseData("python3.9", NoParams, "2026-11-26",
            "Runtime python3.9 was deprecated on 2025-12-15; move to python3.14. Function creation is blocked from 2027-02-01 and updates from 2027-03-03.")
            .SetName("deprecated, both block dates");
        yield return new TestCaseData("go1.x", NoParams, "2026-11-26",
            "Runtime go1.x was deprecated on 2024-01-08; move to provided.al2023. Function creation is blocked from 2024-02-08.").SetName("deprecated, create block only");
        yield return new TestCaseData("nodejs18.x", NoParams, "2026-11-26",
            "Runtime nodejs18.x was deprecated on 2025-09-01; move to nodejs24.x. Function updates are blocked from 2026-07-01.").SetName("deprecated, update block only");
        yield return new TestCaseData("nodejs22.x", NoParams, "2027-04-30",
            "Runtime nodejs22.x was deprecated on 2027-04-30; move to nodejs24.x. Function creation is blocked from 2027-06-01 and updates from 2027-07-01.")
            .SetName("deprecated on the very day");
        yield return new TestCaseData("nodejs22.x", Params(("deprecationWindowDays", "155")), "2026-11-26",
            "Runtime nodejs22.x will be deprecated on 2027-04-30 (in 155 days); move to nodejs24.x. Function creation is blocked from 2027-06-01 and updates from 2027-07-01.")
            .SetName("deprecates on the last day of the window");
        yield return new TestCaseData("python3.14", Params(("allowedRuntimes", "python3.13,nodejs24.x")), "2026-11-26",
            "Runtime python3.14 is not allowed (allowed: python3.13, nodejs24.x); move to an allowed runtime or add it to lambda-runtime-check's allowedRuntimes.")
            .SetName("supported but not allowed");
        yield return new TestCaseData("python3.8", Params(("allowedRuntimes", "python3.14")), "2026-11-26",
            "Runtime python3.8 was deprecated on 2024-10-14; move to python3.14. It is also not in allowedRuntimes.").SetName("deprecated and not allowed");
        yield return new TestCaseData("python3.15", Params(("allowedRuntimes", "python3.14")), "2026-11-26",
            "Runtime python3.15 is not allowed (allowed: python3.14); move to an allowed runtime or add it to lambda-runtime-check's allowedRuntimes.")
            .SetName("unknown runtime not allowed");
    }

    [TestCaseSource(nameof(Findings))]
    public async Task Findings_say_what_to_do(string runtime, Dictionary<string, string> parameters, string now, string annotation)
    {
        var evaluation = await HarnessFor(_rule, now: DateTimeOffset.Parse(now + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)).EvaluateAsync(FunctionOn(runtime), parameters);
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be(annotation);
    }

    public static IEnumerable<TestCaseData> Compliant()
    {
        yield return new TestCaseData("python3.14", NoParams, "Runtime python3.14 is supported; AWS plans to deprecate it on 2029-06-30.").SetName("supported");
        yield return new TestCaseData("nodejs22.x", NoParams, "*2027-04-30*").SetName("deprecating later, window 0");
        yield return new TestCaseData("nodejs22.x", Params(("deprecationWindowDays", "154")), "*2027-04-30*").SetName("deprecating one day after the window");
        yield return new TestCaseData("java8.al2023", Params(("deprecationWindowDays", "3650")), "*no deprecation date*").SetName("no published date");
        yield return new TestCaseData("python3.14", Params(("allowedRuntimes", " python3.14 , nodejs24.x ")), "*supported*").SetName("allowed (entries trimmed)");
        yield return new TestCaseData("python3.15", NoParams,
            "Runtime python3.15 is not in this rule's runtime table (checked 2026-11-01), so its deprecation date is unknown and it is not flagged; set allowedRuntimes to restrict runtimes.")
            .SetName("unknown runtime newer than the table");
        yield return new TestCaseData("python3.15", Params(("allowedRuntimes", "python3.15")), "*not in this rule's runtime table*").SetName("unknown runtime that is allowed");
    }

    [TestCaseSource(nameof(Compliant))]
    public async Task Supported_runtimes_comply(string runtime, Dictionary<string, string> parameters, string annotation)
    {
        var evaluation = await HarnessFor(_rule, now: Now).EvaluateAsync(FunctionOn(runtime), parameters);
        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
        evaluation.Annotation.Should().Match(annotation);
    }

    [Test]
    public async Task Window_zero_flags_nothing_before_the_day()
    {
        var evaluation = await HarnessFor(_rule, now: new DateTimeOffset(2027, 4, 29, 23, 59, 59, TimeSpan.Zero)).EvaluateAsync(FunctionOn("nodejs22.x"), NoParams);
        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
    }

    [Test]
    public async Task The_day_is_taken_in_UTC()
    {
        // 2027-04-30T01:00+05:00 is still 2027-04-29 in UTC.
        var evaluation = await HarnessFor(_rule, now: new DateTimeOffset(2027, 4, 30, 1, 0, 0, TimeSpan.FromHours(5))).EvaluateAsync(FunctionOn("nodejs22.x"), NoParams);
        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
    }

    [Test]
    public async Task Container_images_are_not_applicable()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaContainerImageFunction().Build(shape), Params(("allowedRuntimes", "python3.14")));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("container image");
    }

    [Test]
    public async Task A_function_without_a_runtime_is_not_applicable()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Without("runtime").Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("no runtime");
    }

    [Test]
    public async Task The_embedded_table_is_the_default()
    {
        var evaluation = await HarnessFor(new LambdaRuntimeCheck()).EvaluateAsync(FunctionOn("python3.8"));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().StartWith("Runtime python3.8 was deprecated on 2024-10-14; move to python3.14.");
    }
}
