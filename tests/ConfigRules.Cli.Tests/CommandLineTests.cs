using ConfigRules.Cli.Tests.Support;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>The command line as users meet it, through the executable: help, version, typos, response files, every problem at once.</summary>
[TestFixture]
[NonParallelizable]
public sealed class CommandLineTests
{
    [Test]
    public async Task Help_is_generated_for_each_command_and_exits_0()
    {
        var root = await CliProcess.RunAsync("--help");
        root.ExitCode.Should().Be(0, root.ToString());
        root.StandardOutput.Should().Contain("evaluate").And.Contain("check-template").And.Contain("rules");

        var evaluate = await CliProcess.RunAsync("evaluate", "--help");
        evaluate.ExitCode.Should().Be(0, evaluate.ToString());
        foreach (var option in new[] { "--live", "--aggregator", "--region", "--pack", "--rule", "--param", "--format", "--now", "RESOURCES" })
            evaluate.StandardOutput.Should().Contain(option);

        var none = await CliProcess.RunAsync();
        none.ExitCode.Should().Be(0, none.ToString());
        none.StandardOutput.Should().Contain("Usage:");
    }

    [Test]
    public async Task Version_prints_the_tool_version()
    {
        var run = await CliProcess.RunAsync("--version");
        run.ExitCode.Should().Be(0, run.ToString());
        run.StandardOutput.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Test]
    public async Task A_mistyped_option_is_named_with_the_likely_one()
    {
        var run = await CliProcess.RunAsync("evaluate", "--formt", "json");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("Unknown option '--formt' for evaluate.").And.Contain("Did you mean --format?");
        run.StandardOutput.Should().BeEmpty();
    }

    [Test]
    public async Task Every_problem_of_the_command_line_is_told_in_one_message()
    {
        var run = await CliProcess.RunAsync("evaluate", "--format", "xml", "--now", "yesterday", "--param", "maxTimeout=60", "--colour");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("the command line has 4 problems")
            .And.Contain("'xml'").And.Contain("sarif")
            .And.Contain("--now 'yesterday' is not an ISO-8601 date or time")
            .And.Contain("--param 'maxTimeout=60' is not RULE.NAME=VALUE")
            .And.Contain("Unknown option '--colour'");
    }

    [Test]
    public async Task Unknown_rules_and_parameters_are_told_together()
    {
        var run = await CliProcess.RunAsync("evaluate", "--rule", "lambda-everything-check", "--rule", "lambda-timeout-check",
            "--param", "lambda-timeout-check.maxTimeout=many");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("2 problems").And.Contain("Unknown rule 'lambda-everything-check'").And.Contain("maxTimeout");
    }

    [Test]
    public async Task Rules_accepts_only_table_and_json()
    {
        var run = await CliProcess.RunAsync("rules", "--format", "sarif");
        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("'sarif'").And.Contain("json");
    }

    [Test]
    public async Task Sources_that_do_not_go_together_are_refused_before_any_AWS_call()
    {
        var both = await CliProcess.RunAsync("evaluate", "--live", "--aggregator", "org");
        both.ExitCode.Should().Be(2, both.ToString());
        both.StandardError.Should().Contain("--live and --aggregator cannot be combined");

        var withFiles = await CliProcess.RunAsync("evaluate", "inputs/array.json", "--live");
        withFiles.ExitCode.Should().Be(2, withFiles.ToString());
        withFiles.StandardError.Should().Contain("--live reads the configuration items from AWS Config").And.Contain("inputs/array.json");

        var idleRegion = await CliProcess.RunAsync("evaluate", "inputs/array.json", "--region", "eu-west-1");
        idleRegion.ExitCode.Should().Be(2, idleRegion.ToString());
        idleRegion.StandardError.Should().Contain("--region").And.Contain("--live, --aggregator and s3:// RESOURCES");

        var badRegion = await CliProcess.RunAsync("evaluate", "--live", "--region", "EU_WEST");
        badRegion.ExitCode.Should().Be(2, badRegion.ToString());
        badRegion.StandardError.Should().Contain("--region 'EU_WEST' is not a region name");
    }

    [Test]
    public async Task A_response_file_holds_arguments()
    {
        var file = Path.Combine(Path.GetTempPath(), $"configrules-{Guid.NewGuid():N}.rsp");
        await File.WriteAllLinesAsync(file, ["inputs/array.json", "--rule", "lambda-memory-size-check", "--format", "json"]);
        try
        {
            var run = await CliProcess.RunAsync("evaluate", "@" + file);
            run.ExitCode.Should().Be(1, run.ToString());
            run.Evaluations().Keys.Select(k => k.Rule).Distinct().Should().Equal("lambda-memory-size-check");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Check_template_needs_a_template()
    {
        var run = await CliProcess.RunAsync("check-template", "--format", "json");
        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("TEMPLATE");
    }
}
