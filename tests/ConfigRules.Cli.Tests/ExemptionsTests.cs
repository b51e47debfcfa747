using ConfigRules.Cli.Tests.Support;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>--exemptions and `exemptions check` through the executable: JSON, SARIF, table, invalid documents, expiry.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ExemptionsTests
{
    private static readonly string[] MemoryRun =
        ["evaluate", "inputs/array.json", "--rule", "lambda-memory-size-check", "--exemptions", "exemptions/memory.yaml"];

    [Test]
    public async Task An_exempted_finding_is_not_applicable_with_the_contract_annotation_and_exemption_object()
    {
        var run = await CliProcess.RunAsync([.. MemoryRun, "--format", "json", "--now", "2026-12-31T23:59:59Z"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Evaluations()[("lambda-memory-size-check", "fn-huge")].Should().Be("NOT_APPLICABLE");
        run.Annotation("lambda-memory-size-check", "fn-huge").Should()
            .Be("Exempt until 2026-12-31 (platform-team, OPS-42): Report rendering needs 4 GB until the job is split.");
        using var document = run.Json();
        var evaluations = document.RootElement.GetProperty("evaluations").EnumerateArray().ToList();
        var exempted = evaluations.Single(e => e.GetProperty("complianceResourceId").GetString() == "fn-huge");
        var exemption = exempted.GetProperty("exemption");
        exemption.EnumerateObject().Select(p => p.Name).Should().Equal("reason", "owner", "ticket", "expires");
        exemption.GetProperty("owner").GetString().Should().Be("platform-team");
        exemption.GetProperty("ticket").GetString().Should().Be("OPS-42");
        exemption.GetProperty("expires").GetString().Should().Be("2026-12-31");
        evaluations.Single(e => e.GetProperty("complianceResourceId").GetString() == "fn-small")
            .TryGetProperty("exemption", out _).Should().BeFalse("only exempted evaluations carry the object");
    }

    [Test]
    public async Task From_the_day_after_expiry_the_finding_stands_and_says_the_exemption_expired()
    {
        var run = await CliProcess.RunAsync([.. MemoryRun, "--format", "json", "--now", "2027-01-01T00:00:00Z"]);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Evaluations()[("lambda-memory-size-check", "fn-huge")].Should().Be("NON_COMPLIANT");
        run.Annotation("lambda-memory-size-check", "fn-huge").Should().StartWith("Exemption expired on 2026-12-31. ").And.Contain("4096");
    }

    [Test]
    public async Task The_table_shows_exempted_findings_apart_with_their_expiry()
    {
        var run = await CliProcess.RunAsync([.. MemoryRun, "--now", "2026-06-01"]);

        run.ExitCode.Should().Be(0, run.ToString());
        run.StandardOutput.Should().Contain("(1 exempted)")
            .And.MatchRegex(@"EXEMPTED\s+fn-huge")
            .And.Contain("Exempt until 2026-12-31 (platform-team, OPS-42)");
        run.StandardOutput.Should().NotMatchRegex(@"NON_COMPLIANT\s+fn-huge");
    }

    [Test]
    public async Task Sarif_marks_exempted_results_as_externally_suppressed_and_stays_valid()
    {
        var run = await CliProcess.RunAsync([.. MemoryRun, "--format", "sarif", "--now", "2026-06-01"]);

        run.ExitCode.Should().Be(0, run.ToString());
        using var document = run.Json();
        var result = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        result.GetProperty("properties").GetProperty("resourceId").GetString().Should().Be("fn-huge");
        result.GetProperty("message").GetProperty("text").GetString().Should().Contain("4096", "the message is what the rule found");
        var suppression = result.GetProperty("suppressions").EnumerateArray().Single();
        suppression.GetProperty("kind").GetString().Should().Be("external");
        suppression.GetProperty("justification").GetString().Should().Be("Report rendering needs 4 GB until the job is split.");

        (await SarifValidator.ProblemsAsync(run.StandardOutput)).Should().BeEmpty();
    }

    [Test]
    public async Task Templates_are_exempted_by_logical_id_and_the_sarif_stays_valid()
    {
        var run = await CliProcess.RunAsync("check-template", "templates/sam-app.yaml", "--rule", "lambda-runtime-check",
            "--exemptions", "exemptions/templates.yaml", "--now", "2026-06-01", "--format", "sarif");

        using var document = run.Json();
        var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var report = results.Single(r => r.GetProperty("properties").GetProperty("resourceId").GetString() == "ReportFunction");
        report.GetProperty("suppressions")[0].GetProperty("justification").GetString().Should().StartWith("The report library");
        (await SarifValidator.ProblemsAsync(run.StandardOutput)).Should().BeEmpty();
    }

    [Test]
    public async Task An_invalid_document_is_exit_2_naming_the_file_and_every_problem_with_its_line()
    {
        var run = await CliProcess.RunAsync("evaluate", "inputs/array.json", "--exemptions", "exemptions/invalid.yaml");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardOutput.Should().BeEmpty("nothing is evaluated with a document that is not valid");
        run.StandardError.Should().Contain("exemptions/invalid.yaml")
            .And.Contain("3 problems")
            .And.Contain("exemptions/invalid.yaml:2: entry 1, rule")
            .And.Contain("lambda-everything-check")
            .And.Contain("entry 2, accountId")
            .And.Contain("entry 2, expires");
    }

    [Test]
    public async Task A_missing_file_or_an_s3_uri_is_refused_with_what_is_accepted()
    {
        var missing = await CliProcess.RunAsync("evaluate", "--exemptions", "exemptions/nothing.yaml");
        missing.ExitCode.Should().Be(2, missing.ToString());
        missing.StandardError.Should().Contain("--exemptions exemptions/nothing.yaml: no such file");

        var s3 = await CliProcess.RunAsync("evaluate", "--exemptions", "s3://governance/exemptions.yaml");
        s3.ExitCode.Should().Be(2, s3.ToString());
        s3.StandardError.Should().Contain("local file (YAML or JSON)").And.Contain("aws s3 cp");
    }

    [Test]
    public async Task Check_lists_entries_expiring_within_the_window_and_exits_1()
    {
        var run = await CliProcess.RunAsync("exemptions", "check", "exemptions/memory.yaml", "--expiring-within", "30", "--now", "2026-12-15");

        run.ExitCode.Should().Be(1, run.ToString());
        run.StandardOutput.Should().Contain("exemptions/memory.yaml: valid, 2 entries for 2 rules.")
            .And.Contain("expires 2026-12-31  lambda-memory-size-check  fn-h* in 123456789012  (platform-team, OPS-42; entry 1, line 3)")
            .And.NotContain("lambda-timeout-check");
    }

    [Test]
    public async Task Check_exits_0_when_nothing_expires_within_the_window_and_reports_expired_entries()
    {
        var quiet = await CliProcess.RunAsync("exemptions", "check", "exemptions/memory.yaml", "--expiring-within", "30", "--now", "2026-06-01");
        quiet.ExitCode.Should().Be(0, quiet.ToString());
        quiet.StandardOutput.Should().Contain("None expires within 30 days (through 2026-07-01).");

        var later = await CliProcess.RunAsync("exemptions", "check", "exemptions/memory.yaml", "--now", "2027-01-02");
        later.ExitCode.Should().Be(1, later.ToString());
        later.StandardOutput.Should().Contain("expired 2026-12-31  lambda-memory-size-check");
    }

    [Test]
    public async Task Check_of_an_invalid_document_is_exit_2()
    {
        var run = await CliProcess.RunAsync("exemptions", "check", "exemptions/invalid.yaml");
        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("exemptions/invalid.yaml").And.Contain("3 problems");
    }

    [Test]
    public async Task Rules_say_which_may_be_exempted()
    {
        var json = await CliProcess.RunAsync("rules", "--format", "json");
        using var document = json.Json();
        document.RootElement.GetProperty("rules").EnumerateArray()
            .Should().OnlyContain(r => r.GetProperty("exemptible").ValueKind == System.Text.Json.JsonValueKind.True
                                       || r.GetProperty("exemptible").ValueKind == System.Text.Json.JsonValueKind.False);

        var table = await CliProcess.RunAsync("rules");
        table.StandardOutput.Should().MatchRegex(@"lambda-timeout-check  \[\w+\]  \[(exemptible|not exemptible)\]");
    }
}
