using ConfigRules.Cli.Tests.Support;
using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Reference;

/// <summary>`configrules evaluate` (the published executable) on the public AWS samples of the reference kit.</summary>
[Category(ReferenceKit.Category)]
[NonParallelizable]
public sealed class ReferenceEvaluateTests
{
    internal const string Now = "2026-01-15T00:00:00Z";

    internal static string Sample(string folder, string file) => ReferenceKit.Require("testdata", "config-samples", folder, file);

    private static Task<CliRun> EvaluateAsync(string path) => CliProcess.RunAsync("evaluate", path, "--format", "json", "--now", Now);

    /// <summary>S3 deliveries, CLI outputs and query results holding EC2 resources only: no rule applies, nothing fails.</summary>
    [TestCase("s3-delivery", "docs-config-snapshot-file.json")]
    [TestCase("s3-delivery", "docs-config-history-file.json")]
    [TestCase("api-responses", "docs-get-resource-config-history-cli-output.json")]
    [TestCase("api-responses", "docs-select-resource-config-ec2-instances.json")]
    public async Task Items_of_other_types_give_no_evaluations_and_no_error(string folder, string file)
    {
        var run = await EvaluateAsync(Sample(folder, file));

        run.ExitCode.Should().Be(0, run.ToString());
        run.StandardError.Should().BeEmpty();
        using var json = run.Json();
        var evaluations = json.RootElement.GetProperty("evaluations").EnumerateArray().ToList();
        // Only the account rule judges these inputs: each account they name, and with no trail in them it cannot tell.
        evaluations.Where(e => e.GetProperty("complianceResourceType").GetString() != "AWS::::Account").Should().BeEmpty();
        evaluations.Where(e => e.GetProperty("complianceType").GetString() != "NOT_APPLICABLE").Should().BeEmpty();
        var summary = json.RootElement.GetProperty("summary");
        summary.GetProperty("NON_COMPLIANT").GetInt32().Should().Be(0);
        summary.GetProperty("COMPLIANT").GetInt32().Should().Be(0);
    }

    [Test]
    public async Task Select_rows_that_carry_only_a_resource_id_are_an_input_error_naming_file_line_and_field()
    {
        // The documented query selected resourceId alone: without resourceType no rule can judge a row.
        var path = Sample("api-responses", "docs-select-resource-config-cli-output.json");

        var run = await EvaluateAsync(path);

        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain($"{path}:10:").And.Contain("resourceType");
    }

    [Test]
    public async Task The_rdk_lambda_item_array_is_judged_by_the_lambda_rules()
    {
        // The rdk Lambda example is an array of one item, a shape evaluate reads as is.
        var run = await EvaluateAsync(Sample("configuration-items", "rdk-AWS_LAMBDA_FUNCTION.json"));

        run.ExitCode.Should().Be(1, run.ToString());
        var evaluations = run.Evaluations();
        evaluations[("lambda-runtime-check", "test-function")].Should().Be("NON_COMPLIANT");
        evaluations[("lambda-memory-size-check", "test-function")].Should().Be("COMPLIANT");
        run.Annotation("lambda-runtime-check", "test-function").Should().Contain("nodejs6.10");
    }
}
