using System.Text.RegularExpressions;
using System.Xml.Linq;
using ConfigRules.Sdk.Testing;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Sdk.Tests;

/// <summary>
/// Contract section 6 from the packed packages, as a team outside this repository would do it: install the
/// template pack into its own hive, `dotnet new configrule`, `dotnet test`, `dotnet publish -r linux-x64`, then
/// serve a change event with the published Native AOT bootstrap against the loopback Runtime API and AWS Config.
/// Packages come from artifacts/nuget and, for third-party ones, from this machine's package folder: no network.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RuleTemplateEndToEndTests
{
    private const string RuleId = "acme-owner-tag-check";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(15);

    private string _workspace = null!;
    private string _ruleDirectory = null!;
    private DotNetProcess.Result _test = null!;

    [OneTimeSetUp]
    public async Task CreateTheRuleFromTheTemplate()
    {
        var feed = PackageFeed.Require();
        _workspace = Directory.CreateTempSubdirectory("configrules-template-").FullName;
        _ruleDirectory = Path.Combine(_workspace, RuleId);
        WriteNuGetConfig(feed);
        var hive = Path.Combine(_workspace, "template-hive");

        await Succeed(_workspace, "new", "install", PackageFeed.Find("ConfigRules.Templates")!, "--debug:custom-hive", hive);
        await Succeed(_workspace, "new", "configrule", "-n", RuleId, "-o", _ruleDirectory, "--no-update-check", "--debug:custom-hive", hive);
        _test = await DotNetProcess.RunAsync(_ruleDirectory, StepTimeout, "test");
    }

    [OneTimeTearDown]
    public void RemoveTheWorkspace()
    {
        if (_workspace is not null && Directory.Exists(_workspace)) Directory.Delete(_workspace, recursive: true);
    }

    [Test]
    public void The_new_solution_names_the_rule_after_the_given_id()
    {
        File.Exists(Path.Combine(_ruleDirectory, $"{RuleId}.sln")).Should().BeTrue();
        File.ReadAllText(Path.Combine(_ruleDirectory, "src", RuleId, "RequiredTagCheckDefinition.cs")).Should().Contain($"Id = \"{RuleId}\"");
    }

    [Test]
    public void Its_tests_pass_on_the_packed_sdk_and_test_kit()
    {
        _test.ExitCode.Should().Be(0, _test.ToString());
        Regex.Match(_test.Output, @"Passed:\s+(\d+)").Groups[1].Value.Should().Be("6", _test.ToString());
    }

    [Test]
    public async Task Its_published_bootstrap_judges_a_change_event_and_posts_the_evaluation()
    {
        await Succeed(_ruleDirectory, "publish", "-c", "Release", "-r", "linux-x64");
        var bootstrap = Path.Combine(_ruleDirectory, "src", RuleId, "bin", "Release", "net10.0", "linux-x64", "publish", "bootstrap");
        File.Exists(bootstrap).Should().BeTrue("dotnet publish writes the Native AOT bootstrap there");

        await using var aws = LoopbackAwsServer.Start();
        await using var runtimeApi = LoopbackRuntimeApi.Start();
        await using var process = BootstrapProcess.StartAt(bootstrap, RuleId, runtimeApi, aws.EnvironmentVariables);
        var untagged = ConfigurationItemBuilder.LambdaFunction("orders").WithTag("team", "payments");

        var outcome = await runtimeApi.Enqueue(ConfigRuleEvents.Change(untagged), TimeSpan.FromSeconds(60)).WaitAsync(TimeSpan.FromSeconds(60));

        outcome.IsError.Should().BeFalse(process.Output);
        aws.Config.AcceptedEvaluations.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ResultToken = ConfigRuleEvents.DefaultResultToken,
            ResourceType = "AWS::Lambda::Function",
            ResourceId = "orders",
            ComplianceType = "NON_COMPLIANT",
            Annotation = "The function has no 'owner' tag; add one naming who answers for it.",
        });
        aws.RequestsFor("config", "PutEvaluations").Should().OnlyContain(request => request.SignatureValid);
    }

    private static async Task Succeed(string directory, params string[] arguments)
    {
        var result = await DotNetProcess.RunAsync(directory, StepTimeout, arguments);
        result.ExitCode.Should().Be(0, $"dotnet {string.Join(' ', arguments)} succeeds:\n{result.Output}");
    }

    /// <summary>
    /// The author's NuGet.config: the ConfigRules packages from the feed only (source mapping), everything else from
    /// this machine's packages, restored into a folder of the workspace so that no earlier copy is reused.
    /// </summary>
    private void WriteNuGetConfig(string feed)
    {
        var config = new XElement("configuration",
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", Path.Combine(_workspace, "packages")))),
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "configrules"), new XAttribute("value", feed)),
                new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", PackageFeed.MachinePackages))),
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "configrules"), new XElement("package", new XAttribute("pattern", "ConfigRules.*"))),
                new XElement("packageSource", new XAttribute("key", "machine"), new XElement("package", new XAttribute("pattern", "*")))));
        new XDocument(config).Save(Path.Combine(_workspace, "NuGet.config"));
    }
}
