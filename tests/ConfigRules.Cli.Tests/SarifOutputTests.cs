using System.Text.Json;
using ConfigRules.Cli.Reporting;
using ConfigRules.Cli.Tests.Support;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>The CLI's SARIF as code scanning reads it: clean under Microsoft's validator, readable rule names, the tool's address.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SarifOutputTests
{
    [Test]
    public async Task Evaluate_output_passes_the_SARIF_and_GitHub_rules_without_errors_or_warnings()
    {
        var run = await CliProcess.RunAsync("evaluate", "--format", "sarif");
        run.ExitCode.Should().Be(1, run.ToString());
        CountResults(run).Should().BePositive("the sample account has findings to validate");

        (await SarifValidator.ProblemsAsync(run.StandardOutput)).Should().BeEmpty();
    }

    [Test]
    public async Task Check_template_output_passes_the_SARIF_and_GitHub_rules_without_errors_or_warnings()
    {
        var run = await CliProcess.RunAsync("check-template", "templates", "--format", "sarif");
        run.ExitCode.Should().Be(1, run.ToString());
        CountResults(run).Should().BePositive("the templates have findings to validate");

        (await SarifValidator.ProblemsAsync(run.StandardOutput)).Should().BeEmpty();
    }

    [Test]
    public async Task Rules_have_a_readable_name_other_than_the_id_and_the_driver_says_where_to_learn_more()
    {
        var run = await CliProcess.RunAsync("evaluate", "--format", "sarif");
        using var document = run.Json();
        var driver = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

        Uri.IsWellFormedUriString(driver.GetProperty("informationUri").GetString(), UriKind.Absolute).Should().BeTrue();
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            var id = rule.GetProperty("id").GetString()!;
            var name = rule.GetProperty("name").GetString()!;
            name.Should().NotBe(id).And.MatchRegex("^([A-Z][a-z0-9]*)+$");
            name.ToLowerInvariant().Should().Be(id.Replace("-", "", StringComparison.Ordinal));
        }
    }

    [TestCase("lambda-runtime-check", "LambdaRuntimeCheck")]
    [TestCase("api-gateway-stage-waf-check", "ApiGatewayStageWafCheck")]
    [TestCase("cloudtrail-serverless-audit-check", "CloudtrailServerlessAuditCheck")]
    public void Readable_names_are_the_id_in_PascalCase(string id, string expected) =>
        SarifReporter.ReadableName(id).Should().Be(expected);

    private static int CountResults(CliRun run)
    {
        using var document = run.Json();
        return document.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength();
    }
}
