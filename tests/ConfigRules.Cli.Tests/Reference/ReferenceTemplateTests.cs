using ConfigRules.Cli.Tests.Support;
using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Reference;

/// <summary>`configrules check-template` on the SAM translator's inputs (YAML) and outputs (CloudFormation JSON).</summary>
[Category(ReferenceKit.Category)]
[NonParallelizable]
public sealed class ReferenceTemplateTests
{
    private const string Folder = "testdata/config-samples/cloudformation";

    private static List<string> Templates()
    {
        var templates = ReferenceKit.ListOrEmpty($"{Folder}/sam-input", "*.yaml").Select(name => $"sam-input/{name}")
            .Concat(ReferenceKit.ListOrEmpty(Folder, "sam-output-*.json")).ToList();
        // Where the kit is absent one placeholder case runs and is marked Ignored by Require.
        return templates.Count > 0 ? templates : ["(reference kit absent)"];
    }

    private static async Task<CliRun> CheckAsync(string relative)
    {
        var path = ReferenceKit.Require([.. Folder.Split('/'), .. relative.Split('/')]);
        var run = await CliProcess.RunAsync("check-template", path, "--format", "json", "--now", ReferenceEvaluateTests.Now);
        run.ExitCode.Should().BeOneOf([0, 1], run.ToString());
        return run;
    }

    [TestCaseSource(nameof(Templates))]
    public async Task Every_sample_template_is_checked_with_a_parsable_report(string relative)
    {
        var run = await CheckAsync(relative);

        using var json = run.Json();
        var evaluations = json.RootElement.GetProperty("evaluations");
        evaluations.GetArrayLength().Should().BePositive("each sample holds a function or a REST API");
        var nonCompliant = evaluations.EnumerateArray().Count(e => e.GetProperty("complianceType").GetString() == "NON_COMPLIANT");
        json.RootElement.GetProperty("summary").GetProperty("NON_COMPLIANT").GetInt32().Should().Be(nonCompliant);
        run.ExitCode.Should().Be(nonCompliant > 0 ? 1 : 0);
        foreach (var evaluation in evaluations.EnumerateArray().Where(e => e.GetProperty("complianceType").GetString() != "COMPLIANT"))
            evaluation.GetProperty("annotation").GetString().Should().NotBeNullOrWhiteSpace("a finding or an unknown value says why");
    }

    [Test]
    public async Task Container_image_functions_have_no_runtime_to_judge()
    {
        var run = await CheckAsync("sam-output-basic_function_withimageuri.json");

        var runtime = run.Evaluations().Where(e => e.Key.Rule == "lambda-runtime-check").ToList();
        runtime.Should().NotBeEmpty().And.OnlyContain(e => e.Value == "NOT_APPLICABLE");
        run.Annotation("lambda-runtime-check", "MinimalImageFunction").Should().Contain("container image");
    }

    [Test]
    public async Task Endpoint_types_are_those_the_template_declares()
    {
        var run = await CheckAsync("sam-output-api_endpoint_configuration.json");

        var evaluations = run.Evaluations();
        evaluations[("api-gateway-endpoint-type-check", "ExplicitApi")].Should().Be("NON_COMPLIANT");
        run.Annotation("api-gateway-endpoint-type-check", "ExplicitApi").Should().Contain("REGIONAL");
        // Types: [!Ref EndpointConfig], a parameter without a default: unknown before deployment, not guessed.
        evaluations[("api-gateway-endpoint-type-check", "ServerlessRestApi")].Should().Be("NOT_APPLICABLE");
    }

    [Test]
    public async Task Edge_and_private_apis_are_judged_by_their_declared_types()
    {
        var edge = await CheckAsync("sam-output-api_with_custom_domain_security_policy_edge.json");
        edge.Evaluations()[("api-gateway-endpoint-type-check", "Api")].Should().Be("NON_COMPLIANT");
        edge.Annotation("api-gateway-endpoint-type-check", "Api").Should().Contain("EDGE");

        foreach (var relative in new[] { "sam-output-api_endpoint_configuration_with_both_vpcendpoint.json", "sam-input/api_endpoint_configuration_with_both_vpcendpoint.yaml" })
        {
            var run = await CheckAsync(relative);
            // The stages SAM creates for these APIs set no logging and no web ACL: only the stage rules find anything.
            run.Evaluations().Where(e => e.Value == "NON_COMPLIANT").Select(e => e.Key.Rule).Distinct()
                .Should().BeSubsetOf(["api-gateway-stage-logging-check", "api-gateway-stage-waf-check"], run.ToString());
            var endpoint = run.Evaluations().Where(e => e.Key.Rule == "api-gateway-endpoint-type-check").ToList();
            endpoint.Select(e => e.Key.Resource).Should().BeEquivalentTo("ExplicitApiWithVPCEndpointIds", "ExplicitApiWithVpcEndpointIds");
            endpoint.Should().OnlyContain(e => e.Value == "COMPLIANT");
        }
    }

    [TestCase("sam-input/function_concurrency.yaml")]
    [TestCase("sam-output-function_concurrency.json")]
    public async Task Sam_source_and_its_translation_agree_on_python27_and_reserved_concurrency(string relative)
    {
        var run = await CheckAsync(relative);

        var evaluations = run.Evaluations();
        run.ExitCode.Should().Be(1);
        evaluations[("lambda-runtime-check", "ConcurrentFunction")].Should().Be("NON_COMPLIANT");
        run.Annotation("lambda-runtime-check", "ConcurrentFunction").Should().Contain("python2.7");
        evaluations[("lambda-concurrency-check", "ConcurrentFunction")].Should().Be("COMPLIANT");
        // ReservedConcurrentExecutions: !Ref Concurrency, a parameter without a default.
        evaluations[("lambda-concurrency-check", "AnotherFunction")].Should().Be("NOT_APPLICABLE");
    }
}
