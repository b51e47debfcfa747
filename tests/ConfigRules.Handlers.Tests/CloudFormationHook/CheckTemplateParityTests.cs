using System.Diagnostics;
using System.Text.Json;
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

    /// <summary>The published CLI's JSON report as (rule, logical id) to compliance.</summary>
    private static async Task<Dictionary<(string, string), string>> CheckTemplateAsync(string path)
    {
        var executable = Environment.GetEnvironmentVariable("CONFIGRULES_CLI") is { Length: > 0 } configured
            ? configured
            : RepositoryPaths.InRepo("artifacts", "cli", "configrules");
        if (!File.Exists(executable))
            Assert.Fail($"The published CLI {executable} is missing: run `dotnet cake --target=Test` (it publishes the CLI before testing), or set CONFIGRULES_CLI.");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "check-template", path, "--format", "json", "--now", Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().BeOneOf([0, 1], await error);
        using var report = JsonDocument.Parse(await output);
        return report.RootElement.GetProperty("evaluations").EnumerateArray().ToDictionary(
            e => (e.GetProperty("configRuleName").GetString()!, e.GetProperty("complianceResourceId").GetString()!),
            e => e.GetProperty("complianceType").GetString()!);
    }
}
