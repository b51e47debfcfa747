using System.IO.Compression;
using System.Text.Json;
using ConfigRules.Cli.Tests.Support;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>The published executable as a process, with the real rules: inputs, formats, exit codes, errors.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ProcessTests
{
    /// <summary>The rules of resources: in the sample each finds something and passes something.</summary>
    private static readonly string[] ResourceRules =
    [
        "lambda-runtime-check", "lambda-handler-name-check", "lambda-code-size-check", "lambda-memory-size-check",
        "lambda-timeout-check", "lambda-concurrency-check", "lambda-execution-role-check", "api-gateway-endpoint-type-check",
        "api-gateway-stage-waf-check", "api-gateway-stage-logging-check", "lambda-public-access-check",
    ];

    [Test]
    public async Task The_sample_account_shows_every_rule_finding_something_and_passing_something()
    {
        var run = await CliProcess.RunAsync("evaluate", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        var evaluations = run.Evaluations();
        foreach (var rule in ResourceRules)
        {
            evaluations.Where(e => e.Key.Rule == rule).Select(e => e.Value).Should()
                .Contain("NON_COMPLIANT", $"{rule} finds something in the sample").And
                .Contain("COMPLIANT", $"{rule} passes something in the sample");
        }
        // The CloudTrail rule judges the account itself: one evaluation, and the sample's trail falls short.
        evaluations[("cloudtrail-serverless-audit-check", "111122223333")].Should().Be("NON_COMPLIANT");
    }

    [Test]
    public async Task The_table_is_grouped_by_rule_without_colour_when_redirected()
    {
        var run = await CliProcess.RunAsync("evaluate");

        run.ExitCode.Should().Be(1);
        run.StandardOutput.Should().NotContain("\u001b[");
        foreach (var rule in ResourceRules) run.StandardOutput.Should().Contain(rule);
        run.StandardOutput.Should().Contain("NON_COMPLIANT  legacy-report-generator  (configrules:sample-account.json:");
        run.StandardOutput.Should().Contain("cloudtrail-serverless-audit-check");
        run.StandardOutput.Should().MatchRegex(@"13 rule\(s\), \d+ evaluation\(s\): \d+ NON_COMPLIANT, \d+ COMPLIANT, \d+ NOT_APPLICABLE");
    }

    [TestCaseSource(typeof(Fixtures), nameof(Fixtures.TwoFunctionShapes))]
    public async Task Each_input_shape(string file)
    {
        var run = await CliProcess.RunAsync("evaluate", Fixtures.Input(file), "--rule", "lambda-memory-size-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Evaluations().Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("lambda-memory-size-check", "fn-small")] = "COMPLIANT",
            [("lambda-memory-size-check", "fn-huge")] = "NON_COMPLIANT",
        });
    }

    [Test]
    public async Task Gzip_stdin_and_folders()
    {
        var gz = Path.Combine(Path.GetTempPath(), $"configrules-{Guid.NewGuid():N}.json.gz");
        try
        {
            await using (var target = File.Create(gz))
            await using (var gzip = new GZipStream(target, CompressionLevel.Fastest))
            await using (var source = File.OpenRead(Fixtures.Input("snapshot.json")))
                await source.CopyToAsync(gzip);

            var fromGzipStdin = await CliProcess.RunAsync(new CliProcessOptions { StandardInputFile = gz },
                "evaluate", "-", "--rule", "lambda-timeout-check", "--format", "json");
            fromGzipStdin.Evaluations()[("lambda-timeout-check", "fn-huge")].Should().Be("NON_COMPLIANT", fromGzipStdin.ToString());

            var fromFolder = await CliProcess.RunAsync("evaluate", "inputs", "--rule", "lambda-timeout-check", "--format", "json");
            using var document = fromFolder.Json();
            document.RootElement.GetProperty("summary").GetProperty("NON_COMPLIANT").GetInt32().Should().Be(7, fromFolder.ToString());
        }
        finally
        {
            File.Delete(gz);
        }
    }

    [Test]
    public async Task Execution_roles_come_from_role_items_anywhere_in_the_input()
    {
        var run = await CliProcess.RunAsync("evaluate", "inputs/snapshot.json", "inputs/roles", "--rule", "lambda-execution-role-check", "--format", "json");

        run.Evaluations()[("lambda-execution-role-check", "fn-huge")].Should().Be("NON_COMPLIANT", run.ToString());
        run.Annotation("lambda-execution-role-check", "fn-huge").Should().Contain("AdministratorAccess");
        run.Evaluations()[("lambda-execution-role-check", "fn-small")].Should().Be("COMPLIANT");
    }

    [Test]
    public async Task Json_output_has_exactly_the_contract_fields()
    {
        var run = await CliProcess.RunAsync("evaluate", "--format", "json");
        using var document = run.Json();
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("evaluations", "summary");
        var evaluations = root.GetProperty("evaluations").EnumerateArray().ToList();
        foreach (var evaluation in evaluations)
        {
            evaluation.EnumerateObject().Select(p => p.Name).Should().Equal(
                "configRuleName", "complianceResourceType", "complianceResourceId", "complianceType", "annotation", "orderingTimestamp");
            evaluation.GetProperty("complianceType").GetString().Should().BeOneOf("COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE");
            DateTimeOffset.Parse(evaluation.GetProperty("orderingTimestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            if (evaluation.GetProperty("complianceType").GetString() == "NON_COMPLIANT")
                evaluation.GetProperty("annotation").GetString().Should().NotBeNullOrEmpty().And.Match(a => a.Length <= 256);
        }
        var summary = root.GetProperty("summary");
        summary.EnumerateObject().Select(p => p.Name).Should().Equal("COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE");
        summary.EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(evaluations.Count);
        summary.GetProperty("NON_COMPLIANT").GetInt32().Should().Be(evaluations.Count(e => e.GetProperty("complianceType").GetString() == "NON_COMPLIANT"));
    }

    [Test]
    public async Task Sarif_has_rule_metadata_levels_and_template_locations()
    {
        var template = Fixtures.Template("sam-app.yaml");
        var run = await CliProcess.RunAsync("check-template", "templates/sam-app.yaml", "--format", "sarif");

        run.ExitCode.Should().Be(1, run.ToString());
        using var document = run.Json();
        var root = document.RootElement;
        root.GetProperty("version").GetString().Should().Be("2.1.0");
        root.GetProperty("$schema").GetString().Should().Contain("sarif");
        var sarifRun = root.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal(RuleCatalog.Definitions.Select(d => d.Id));
        foreach (var rule in rules)
        {
            rule.GetProperty("shortDescription").GetProperty("text").GetString().Should().NotBeNullOrEmpty();
            rule.GetProperty("fullDescription").GetProperty("text").GetString().Should().NotBeNullOrEmpty();
            rule.GetProperty("help").GetProperty("text").GetString().Should().NotBeNullOrEmpty();
            rule.GetProperty("properties").GetProperty("severity").GetString().Should().BeOneOf("low", "medium", "high", "critical");
        }
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        results.Should().NotBeEmpty();
        var lines = File.ReadAllLines(template);
        foreach (var result in results)
        {
            result.GetProperty("level").GetString().Should().BeOneOf("error", "warning", "note");
            result.GetProperty("message").GetProperty("text").GetString().Should().NotBeNullOrEmpty();
            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            physical.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("templates/sam-app.yaml");
            var line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
            var resourceId = result.GetProperty("properties").GetProperty("resourceId").GetString()!;
            if (resourceId == "ServerlessRestApi" || resourceId.StartsWith("ServerlessRestApi", StringComparison.Ordinal)) continue;
            // A stage SAM creates for an API ({Api}{StageName}Stage) points at the API that declares it.
            var declared = lines[line - 1].Trim().TrimEnd(':');
            (resourceId == declared || (resourceId.StartsWith(declared, StringComparison.Ordinal) && resourceId.EndsWith("Stage", StringComparison.Ordinal)))
                .Should().BeTrue($"{resourceId} is reported at line {line}, which declares {declared}");
        }
        results.Should().Contain(r => r.GetProperty("ruleId").GetString() == "lambda-runtime-check" &&
                                      r.GetProperty("properties").GetProperty("resourceId").GetString() == "ReportFunction");
    }

    [Test]
    public async Task A_template_with_globals_and_intrinsics_is_judged_and_unknowns_are_not_applicable()
    {
        var run = await CliProcess.RunAsync("check-template", "templates", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        var evaluations = run.Evaluations();
        evaluations[("lambda-runtime-check", "ReportFunction")].Should().Be("NON_COMPLIANT");
        evaluations[("lambda-runtime-check", "OrdersFunction")].Should().Be("COMPLIANT");
        evaluations[("lambda-memory-size-check", "ReportFunction")].Should().Be("NON_COMPLIANT");
        evaluations[("lambda-concurrency-check", "OrdersFunction")].Should().Be("COMPLIANT");
        evaluations[("lambda-concurrency-check", "Worker")].Should().Be("NON_COMPLIANT");
        evaluations[("api-gateway-endpoint-type-check", "PrivateApi")].Should().Be("COMPLIANT");
        evaluations[("api-gateway-endpoint-type-check", "ServerlessRestApi")].Should().Be("NON_COMPLIANT");
        // OrdersRole is the template's own, with no managed policy attached: judged from the template.
        evaluations[("lambda-execution-role-check", "OrdersFunction")].Should().Be("COMPLIANT");
        run.Annotation("lambda-execution-role-check", "OrdersFunction").Should().Contain("OrdersRole");
        evaluations[("lambda-execution-role-check", "ReportFunction")].Should().Be("NOT_APPLICABLE");
        run.Annotation("lambda-execution-role-check", "ReportFunction").Should().Contain("ExistingRoleArn");
        evaluations[("lambda-code-size-check", "OrdersFunction")].Should().Be("NOT_APPLICABLE");
        run.Annotation("lambda-code-size-check", "OrdersFunction").Should().Contain("CodeSize");
    }

    [Test]
    public async Task Exit_code_0_when_nothing_is_non_compliant()
    {
        var run = await CliProcess.RunAsync("evaluate", "inputs/array.json", "--rule", "lambda-memory-size-check",
            "--param", "lambda-memory-size-check.maxMemorySize=10240");
        run.ExitCode.Should().Be(0, run.ToString());
    }

    [Test]
    public async Task Input_errors_name_the_file_and_line_and_exit_2()
    {
        var missing = await CliProcess.RunAsync("evaluate", "inputs/nothing-here.json");
        missing.ExitCode.Should().Be(2);
        missing.StandardError.Should().Contain("inputs/nothing-here.json: no such file or folder.");

        var broken = await CliProcess.RunAsync("evaluate", "broken.json", "--format", "json");
        broken.ExitCode.Should().Be(2);
        broken.StandardError.Should().Contain("broken.json:7: invalid JSON");
        broken.Json().RootElement.GetProperty("summary").ValueKind.Should().Be(JsonValueKind.Object, "the report is still written");

        var unknownRule = await CliProcess.RunAsync("evaluate", "--rule", "lambda-everything-check");
        unknownRule.ExitCode.Should().Be(2);
        unknownRule.StandardError.Should().Contain("Unknown rule 'lambda-everything-check'").And.Contain("lambda-runtime-check");

        var badOption = await CliProcess.RunAsync("evaluate", "--colour");
        badOption.ExitCode.Should().Be(2);
        badOption.StandardError.Should().Contain("Unknown option '--colour'");
    }

    [Test]
    public async Task A_pack_uses_its_rules_and_parameter_defaults()
    {
        var run = await CliProcess.RunAsync("evaluate", "inputs/array.json", "--pack", "pack.yaml", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString()); // maxMemorySize 8192 from the pack's parameter default
        run.Evaluations().Keys.Select(k => k.Rule).Distinct().Should().Equal("lambda-memory-size-check");
        run.StandardError.Should().Contain("lambda-function-public-access-prohibited is not a ConfigRules rule; skipped.");
    }

    [Test]
    public async Task Now_fixes_the_evaluation_time_for_runtime_deprecation()
    {
        var before = await CliProcess.RunAsync("evaluate", "--rule", "lambda-runtime-check", "--now", "2020-01-01T00:00:00Z", "--format", "json");
        var after = await CliProcess.RunAsync("evaluate", "--rule", "lambda-runtime-check", "--now", "2026-01-01T00:00:00Z", "--format", "json");

        before.Evaluations()[("lambda-runtime-check", "legacy-report-generator")].Should().Be("COMPLIANT", "python3.7 was deprecated on 2023-12-04");
        after.Evaluations()[("lambda-runtime-check", "legacy-report-generator")].Should().Be("NON_COMPLIANT");
    }

    [Test]
    public async Task Rules_lists_the_catalog_with_parameters_and_defaults()
    {
        var run = await CliProcess.RunAsync("rules", "--format", "json");

        run.ExitCode.Should().Be(0);
        using var document = run.Json();
        var rules = document.RootElement.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal(RuleCatalog.Definitions.Select(d => d.Id));
        var timeout = rules.Single(r => r.GetProperty("id").GetString() == "lambda-timeout-check");
        timeout.GetProperty("parameters").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("default").GetString()))
            .Should().Equal(("minTimeout", "1"), ("maxTimeout", "300"));

        var table = await CliProcess.RunAsync("rules");
        table.StandardOutput.Should().Contain("--param lambda-timeout-check.maxTimeout=...  default: 300");
    }
}
