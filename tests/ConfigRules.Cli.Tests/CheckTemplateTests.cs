using ConfigRules.Cli.Tests.Support;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>check-template judges the items the template reader maps (the reader's own tests are in ConfigRules.CloudFormation.Tests).</summary>
[TestFixture]
public sealed class CheckTemplateTests
{
    [Test]
    public async Task Check_template_runs_the_rules_on_template_items()
    {
        var run = await InProcessCli.RunAsync("check-template", Fixtures.Template("sam-app.yaml"), Fixtures.Template("cfn-api.json"),
            "--rule", "test-endpoint-check", "--rule", "test-memory-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        var evaluations = run.Evaluations();
        evaluations[("test-endpoint-check", "PrivateApi")].Should().Be("COMPLIANT");
        evaluations[("test-endpoint-check", "ServerlessRestApi")].Should().Be("NON_COMPLIANT");
        evaluations[("test-endpoint-check", "PublicApi")].Should().Be("NON_COMPLIANT");
        evaluations[("test-memory-check", "ReportFunction")].Should().Be("NON_COMPLIANT");
        evaluations[("test-memory-check", "Worker")].Should().Be("COMPLIANT");
    }
}
