using System.Text.Json.Nodes;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Handlers.CloudFormationHook;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Handlers.Tests.CloudFormationHook.HookRequests;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>cloudformation-hook's answers to each kind of target, and to input it cannot read (contract 2.4).</summary>
[TestFixture]
public sealed class CloudFormationHookHandlerTests
{
    private const string TimeoutRule = """{"lambda-timeout-check": {"maxTimeout": "60"}, "lambda-memory-size-check": {}}""";

    [Test]
    public async Task A_resource_outside_the_rule_fails_with_the_rule_the_finding_and_the_fix()
    {
        var response = await Hook(TimeoutRule).HandleAsync(Resource("AWS::Lambda::Function", Function(timeout: "900")), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        response.ErrorCode.Should().Be("NonCompliant");
        response.ClientRequestToken.Should().Be("token-1");
        response.Message.Should().StartWith("ConfigRules: 1 NON_COMPLIANT finding stops this deployment.")
            .And.Contain("- OrdersFunction: lambda-timeout-check: ")
            .And.Contain("900")
            .And.Contain("Fix: " + RuleCatalog.All.Single(r => r.Definition.Id == "lambda-timeout-check").Definition.Remediation);
        var timeout = response.Annotations.Should().ContainSingle(a => a.AnnotationName == "lambda-timeout-check").Subject;
        timeout.Status.Should().Be("FAILED");
        timeout.SeverityLevel.Should().Be("MEDIUM");
        timeout.RemediationMessage.Should().StartWith("Set Timeout within the range");
        response.Annotations.Single(a => a.AnnotationName == "lambda-memory-size-check").Status.Should().Be("PASSED");
    }

    [Test]
    public async Task A_compliant_resource_named_by_its_type_succeeds()
    {
        var response = await Hook(TimeoutRule).HandleAsync(
            Resource("AWS::Lambda::Function", Function(timeout: "60"), targetType: "AWS::Lambda::Function"), CancellationToken.None);

        response.HookStatus.Should().Be("SUCCESS");
        response.ErrorCode.Should().BeNull();
        response.Annotations.Select(a => (a.AnnotationName, a.Status)).Should().BeEquivalentTo(
            [("lambda-timeout-check", "PASSED"), ("lambda-memory-size-check", "PASSED")]);
    }

    [Test]
    public async Task Field_names_match_whatever_their_case()
    {
        var request = """
            {"ClientRequestToken": "T", "ActionInvocationPoint": "CREATE_PRE_PROVISION",
             "RequestData": {"TargetName": "AWS::Lambda::Function", "TargetType": "RESOURCE", "TargetLogicalId": "Fn",
               "TargetModel": {"ResourceProperties": {"Runtime": "python3.13", "Handler": "a.b", "Timeout": "600", "Role": "arn:aws:iam::123456789012:role/r"}}}}
            """u8.ToArray();

        var response = await Hook(TimeoutRule).HandleAsync(request, CancellationToken.None);

        response.HookStatus.Should().Be("FAILED", response.Message);
        response.ClientRequestToken.Should().Be("T");
        response.Message.Should().Contain("- Fn: lambda-timeout-check");
    }

    [Test]
    public async Task What_only_deployment_decides_is_skipped_and_does_not_fail()
    {
        var response = await Hook("""{"lambda-code-size-check": {}}""").HandleAsync(Resource("AWS::Lambda::Function", Function()), CancellationToken.None);

        response.HookStatus.Should().Be("SUCCESS");
        var codeSize = response.Annotations.Should().ContainSingle().Subject;
        codeSize.Status.Should().Be("SKIPPED");
        codeSize.StatusMessage.Should().Contain("CodeSize is not known before deployment");
    }

    [TestCase("DELETE_PRE_PROVISION", "AWS::Lambda::Function")]
    [TestCase("CREATE_PRE_PROVISION", "AWS::S3::Bucket")]
    public async Task Deletions_and_types_no_rule_covers_succeed_without_judging(string action, string type)
    {
        var response = await Hook(null).HandleAsync(Resource(type, Function(timeout: "900"), action: action), CancellationToken.None);

        response.HookStatus.Should().Be("SUCCESS");
        response.Annotations.Should().BeEmpty();
    }

    [TestCase("not json")]
    [TestCase("[1, 2]")]
    [TestCase("""{"clientRequestToken": "t", "actionInvocationPoint": "CREATE_PRE_PROVISION"}""")]
    [TestCase("""{"clientRequestToken": "t", "actionInvocationPoint": "LAUNCH", "requestData": {"targetType": "STACK"}}""")]
    public async Task A_request_that_cannot_be_read_is_an_internal_failure_saying_what_is_wrong(string request)
    {
        var response = await Hook(null).HandleAsync(System.Text.Encoding.UTF8.GetBytes(request), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        response.ErrorCode.Should().Be("InternalFailure");
        response.Message.Should().StartWith("ConfigRules could not judge this request: ");
    }

    [Test]
    public async Task A_stack_template_is_judged_as_check_template_judges_it_sam_globals_included()
    {
        var template = await File.ReadAllTextAsync(TemplateFixture("sam-app.yaml"));
        var payloads = new FakePayloads().With("https://payloads.example/stack", StackPayload(template));

        var response = await Hook(TimeoutRule, payloads).HandleAsync(Stack("https://payloads.example/stack"), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        // ReportFunction sets Timeout 900 itself; OrdersFunction takes 30 from Globals through a mapping.
        response.Message.Should().Contain("- ReportFunction (line ").And.NotContain("OrdersFunction (line");
        response.Annotations.Where(a => a.AnnotationName == "lambda-timeout-check").Select(a => (a.StatusMessage![..a.StatusMessage!.IndexOf(':', StringComparison.Ordinal)], a.Status))
            .Should().BeEquivalentTo([("OrdersFunction", "PASSED"), ("ReportFunction", "FAILED")]);
    }

    [Test]
    public async Task An_empty_stack_template_is_a_deletion_and_succeeds()
    {
        var payloads = new FakePayloads().With("https://payloads.example/empty", StackPayload(""));

        var response = await Hook(null, payloads).HandleAsync(Stack("https://payloads.example/empty"), CancellationToken.None);

        response.HookStatus.Should().Be("SUCCESS");
    }

    [Test]
    public async Task A_payload_that_cannot_be_fetched_or_read_is_an_internal_failure()
    {
        var payloads = new FakePayloads().With("https://payloads.example/yaml", StackPayload("Resources: [unclosed"));

        var missing = await Hook(null, payloads).HandleAsync(Stack("https://payloads.example/missing"), CancellationToken.None);
        var broken = await Hook(null, payloads).HandleAsync(Stack("https://payloads.example/yaml"), CancellationToken.None);

        missing.ErrorCode.Should().Be("InternalFailure");
        missing.Message.Should().Contain("404");
        broken.ErrorCode.Should().Be("InternalFailure");
        broken.Message.Should().Contain("is not valid YAML or JSON");
    }

    [Test]
    public async Task A_change_set_judges_created_and_updated_resources_from_their_after_context_with_the_line()
    {
        var payloads = new FakePayloads().With("https://payloads.example/cs", ChangeSetPayload(
            ("Update", "Slow", "AWS::Lambda::Function", Function(timeout: "900"), 42),
            ("Add", "Ignored", "AWS::Lambda::Function", Function(timeout: "900"), 50),
            ("CREATE", "Quick", "AWS::Lambda::Function", Function(timeout: "10"), 60),
            ("CREATE", "Bucket", "AWS::S3::Bucket", new JsonObject(), 70)));

        var response = await Hook(TimeoutRule, payloads).HandleAsync(ChangeSet("https://payloads.example/cs"), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        response.Message.Should().Contain("- Slow (line 42): lambda-timeout-check").And.NotContain("Quick").And.NotContain("Ignored");
        response.Annotations.Should().HaveCount(4, "two rules on each of the two functions created or updated");
    }

    [Test]
    public async Task An_exempted_finding_does_not_fail_and_says_who_granted_it()
    {
        var document = ExemptionDocument.Parse("exemptions.yaml", """
            exemptions:
              - rule: lambda-timeout-check
                resourceId: Orders*
                reason: Nightly batch needs 15 minutes
                owner: platform-team
                ticket: GOV-12
                expires: 2027-03-31
            """, ExemptionCatalog.FromDefinitions(RuleCatalog.All.Select(r => r.Definition)));

        var response = await Hook(TimeoutRule, exemptions: new FixedExemptions(document))
            .HandleAsync(Resource("AWS::Lambda::Function", Function(timeout: "900")), CancellationToken.None);

        response.HookStatus.Should().Be("SUCCESS");
        response.Message.Should().Contain("1 of them exempted");
        var timeout = response.Annotations.Single(a => a.AnnotationName == "lambda-timeout-check");
        timeout.Status.Should().Be("SKIPPED");
        timeout.StatusMessage.Should().Be("OrdersFunction: Exempt until 2027-03-31 (platform-team, GOV-12): Nightly batch needs 15 minutes");
    }

    [Test]
    public async Task Exemptions_that_cannot_be_read_fail_the_request_not_the_invocation()
    {
        var response = await Hook(TimeoutRule, exemptions: new BrokenExemptions())
            .HandleAsync(Resource("AWS::Lambda::Function", Function()), CancellationToken.None);

        response.ErrorCode.Should().Be("InternalFailure");
        response.Message.Should().Contain("s3://governance/exemptions.yaml");
    }

    [Test]
    public async Task Three_hundred_failing_resources_give_a_message_cut_at_a_whole_finding()
    {
        var resources = string.Join("\n", Enumerable.Range(1, 300).Select(i => $"""
              Function{i:D3}:
                Type: AWS::Lambda::Function
                Properties: {"{"}Runtime: python3.13, Handler: a.b, Timeout: 900, Role: arn:aws:iam::123456789012:role/r{"}"}
            """));
        var payloads = new FakePayloads().With("https://payloads.example/big", StackPayload("Resources:\n" + resources));

        var response = await Hook(TimeoutRule, payloads).HandleAsync(Stack("https://payloads.example/big"), CancellationToken.None);

        response.Message.Length.Should().BeLessThanOrEqualTo(HookAnswer.MaxMessageLength);
        response.Message.Should().StartWith("ConfigRules: 300 NON_COMPLIANT findings stop this deployment.")
            .And.MatchRegex(@"\n\.\.\. and \d+ more NON_COMPLIANT findings: see the hook's annotations\.$");
        var shown = response.Message.Split('\n').Count(line => line.StartsWith("- Function", StringComparison.Ordinal));
        var more = int.Parse(System.Text.RegularExpressions.Regex.Match(response.Message, @"and (\d+) more").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        (shown + more).Should().Be(300);
        response.Annotations.Should().HaveCount(600);
    }

    private static string TemplateFixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "templates", name);

    private sealed class BrokenExemptions : IExemptionSource
    {
        public Task<ExemptionDocument> GetAsync(CancellationToken cancellationToken) =>
            throw new InvalidExemptionsException("s3://governance/exemptions.yaml", "AccessDenied: the function may not read the object.", null);
    }
}
