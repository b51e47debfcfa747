using System.Diagnostics;
using System.Text.Json;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Rules;
using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Handlers.Tests.CloudFormationHook.HookRequests;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>
/// The same template judged by <c>configrules check-template</c> (the published CLI, as a process) and by the hook
/// as a STACK target: the same compliance for every rule and resource, NOT_APPLICABLE in the same places.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CheckTemplateParityTests
{
    private const string Matrix = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage: {Type: String, Default: prod}
        Globals:
          Function:
            Runtime: python3.13
            Timeout: 30
        Resources:
          SmallFunction:
            Type: AWS::Serverless::Function
            Properties: {Handler: app.handler, MemorySize: 128, CodeUri: src/}
          HugeFunction:
            Type: AWS::Serverless::Function
            Properties: {Handler: app.handler, MemorySize: 10240, Timeout: 900, Runtime: python3.7, CodeUri: src/, AutoPublishAlias: live}
          PlainFunction:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: nodejs24.x
              Handler: index.handler
              Role: arn:aws:iam::123456789012:role/plain
              ReservedConcurrentExecutions: 5
              Code: {ZipFile: "exports.handler = async () => 1"}
              Description: !Ref HugeFunction.Version
          EdgeApi:
            Type: AWS::ApiGateway::RestApi
            Properties: {Name: edge}
          PrivateApi:
            Type: AWS::Serverless::Api
            Properties: {StageName: !Ref Stage, EndpointConfiguration: PRIVATE}
          RegionalApi:
            Type: AWS::ApiGateway::RestApi
            Properties: {Name: regional, EndpointConfiguration: {Types: [REGIONAL]}}
        """;

    public static IEnumerable<TestCaseData> Templates()
    {
        yield return new TestCaseData("matrix.yaml", Matrix).SetArgDisplayNames("matrix");
        foreach (var name in new[] { "sam-app.yaml", "cfn-api.json" })
            yield return new TestCaseData(name, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "templates", name))).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(Templates))]
    public async Task Check_template_and_the_hook_agree_on_every_rule_and_resource(string name, string template)
    {
        var directory = Directory.CreateTempSubdirectory("hook-parity-");
        try
        {
            var path = Path.Combine(directory.FullName, name);
            await File.WriteAllTextAsync(path, template);
            var cli = await CheckTemplateAsync(path);
            var payloads = new FakePayloads().With("https://payloads.example/parity", StackPayload(template));

            var response = await Hook(null, payloads).HandleAsync(Stack("https://payloads.example/parity"), CancellationToken.None);

            var hook = response.Annotations.ToDictionary(
                a => (a.AnnotationName, a.StatusMessage![..a.StatusMessage!.IndexOf(':', StringComparison.Ordinal)]),
                a => a.Status switch { "PASSED" => "COMPLIANT", "FAILED" => "NON_COMPLIANT", _ => "NOT_APPLICABLE" });
            hook.Should().NotBeEmpty().And.BeEquivalentTo(cli);
            response.HookStatus.Should().Be(cli.ContainsValue("NON_COMPLIANT") ? "FAILED" : "SUCCESS");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>One document, two enforcement points: an entry in force, an expired one and a wildcard.</summary>
    private const string Exemptions = """
        exemptions:
          - rule: lambda-timeout-check
            resourceId: Huge*
            reason: Nightly batch needs 15 minutes
            owner: platform-team
            ticket: GOV-12
            expires: 2027-03-31
          - rule: lambda-runtime-check
            resourceId: HugeFunction
            reason: Migration to python3.13 planned
            owner: data-team
            ticket: GOV-7
            expires: 2026-11-30
          - rule: api-gateway-endpoint-type-check
            resourceId: EdgeApi
            reason: Public partner API, fronted by CloudFront
            owner: edge-team
            ticket: GOV-3
            expires: 2027-01-15
        """;

    [Test]
    public async Task Check_template_and_the_hook_apply_one_exemptions_document_identically()
    {
        var directory = Directory.CreateTempSubdirectory("hook-parity-exemptions-");
        try
        {
            var template = Path.Combine(directory.FullName, "matrix.yaml");
            var document = Path.Combine(directory.FullName, "exemptions.yaml");
            await File.WriteAllTextAsync(template, Matrix);
            await File.WriteAllTextAsync(document, Exemptions);
            var cli = await CheckTemplateReportAsync(template, "--exemptions", document);
            var exemptions = new FixedExemptions(ExemptionDocument.Parse("exemptions.yaml", Exemptions,
                ExemptionCatalog.FromDefinitions(RuleCatalog.All.Select(rule => rule.Definition))));
            var payloads = new FakePayloads().With("https://payloads.example/parity", StackPayload(Matrix));

            var response = await Hook(null, payloads, exemptions).HandleAsync(Stack("https://payloads.example/parity"), CancellationToken.None);

            // The hook's annotation is "<logical id>: <annotation>"; the CLI reports the same annotation per evaluation.
            var hook = response.Annotations.ToDictionary(
                a => (a.AnnotationName, a.StatusMessage![..a.StatusMessage!.IndexOf(':', StringComparison.Ordinal)]),
                a => (Status: a.Status, Message: a.StatusMessage![(a.StatusMessage!.IndexOf(':', StringComparison.Ordinal) + 2)..]));
            var exempted = cli.Where(e => e.Value.Exempted).Select(e => e.Key).ToList();
            exempted.Should().BeEquivalentTo([("lambda-timeout-check", "HugeFunction"), ("api-gateway-endpoint-type-check", "EdgeApi")]);
            foreach (var key in exempted)
            {
                hook[key].Status.Should().Be("SKIPPED", $"{key} is exempted in both");
                hook[key].Message.Should().Be(cli[key].Annotation).And.StartWith("Exempt until ");
            }
            // Expired: the rule's verdict stands in both, and both say the exemption expired.
            cli[("lambda-runtime-check", "HugeFunction")].Compliance.Should().Be("NON_COMPLIANT");
            hook[("lambda-runtime-check", "HugeFunction")].Status.Should().Be("FAILED");
            hook[("lambda-runtime-check", "HugeFunction")].Message.Should().Be(cli[("lambda-runtime-check", "HugeFunction")].Annotation)
                .And.Contain("expired");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed record CliEvaluation(string Compliance, string Annotation, bool Exempted);

    private static async Task<Dictionary<(string, string), CliEvaluation>> CheckTemplateReportAsync(string path, params string[] options)
    {
        using var report = await RunCheckTemplateAsync(path, options);
        return report.RootElement.GetProperty("evaluations").EnumerateArray().ToDictionary(
            e => (e.GetProperty("configRuleName").GetString()!, e.GetProperty("complianceResourceId").GetString()!),
            e => new CliEvaluation(e.GetProperty("complianceType").GetString()!,
                e.TryGetProperty("annotation", out var annotation) ? annotation.GetString() ?? "" : "",
                e.TryGetProperty("exemption", out var exemption) && exemption.ValueKind == JsonValueKind.Object));
    }

    /// <summary>The published CLI's JSON report as (rule, logical id) to compliance.</summary>
    private static async Task<Dictionary<(string, string), string>> CheckTemplateAsync(string path)
    {
        using var report = await RunCheckTemplateAsync(path);
        return report.RootElement.GetProperty("evaluations").EnumerateArray().ToDictionary(
            e => (e.GetProperty("configRuleName").GetString()!, e.GetProperty("complianceResourceId").GetString()!),
            e => e.GetProperty("complianceType").GetString()!);
    }

    /// <summary>The published CLI's JSON report of check-template.</summary>
    private static async Task<JsonDocument> RunCheckTemplateAsync(string path, params string[] options)
    {
        var executable = Environment.GetEnvironmentVariable("CONFIGRULES_CLI") is { Length: > 0 } configured
            ? configured
            : RepositoryPaths.InRepo("artifacts", "cli", "configrules");
        if (!File.Exists(executable))
            Assert.Fail($"The published CLI {executable} is missing: run `dotnet cake --target=Test` (it publishes the CLI before testing), or set CONFIGRULES_CLI.");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "check-template", path, "--format", "json", "--now", Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }.Concat(options))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().BeOneOf([0, 1], await error);
        return JsonDocument.Parse(await output);
    }
}
