using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Handlers.Tests.CloudFormationHook;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;
using ConfigRules.Testing.Metrics;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.Bootstrap;

/// <summary>
/// cloudformation-hook end to end: the published bootstrap as a process, hook requests from the loopback Runtime
/// API, payloads from a loopback presigned-URL server. Every answer is a response, never an invocation error.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CloudFormationHookProcessTests
{
    private const string Handler = "cloudformation-hook";
    private const string Rules = """{"lambda-timeout-check": {"maxTimeout": "60"}, "api-gateway-endpoint-type-check": {}}""";

    private static LoopbackFunction Start(string? rules = Rules) =>
        LoopbackFunction.Start(Handler, _ => rules is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["CONFIGRULES_RULES"] = rules });

    [Test]
    public async Task Every_target_type_is_answered_and_a_bad_request_does_not_spoil_the_next()
    {
        await using var payloads = LoopbackPayloadServer.Start();
        await using var function = Start();
        var template = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "templates", "cfn-api.json"));
        var stackUrl = payloads.Serve("stack", HookRequests.StackPayload(template));
        var changeSetUrl = payloads.Serve("change-set", HookRequests.ChangeSetPayload(("Modify", "Slow", "AWS::Lambda::Function", HookRequests.Function(timeout: "900"), 12)));

        var resource = await function.InvokeAsync(HookRequests.Resource("AWS::Lambda::Function", HookRequests.Function(timeout: "900")));
        var malformed = await function.InvokeAsync(Encoding.UTF8.GetBytes("{\"clientRequestToken\": "));
        var stack = await function.InvokeAsync(HookRequests.Stack(stackUrl));
        var missing = await function.InvokeAsync(HookRequests.Stack(payloads.Url("gone")));
        var changeSet = await function.InvokeAsync(HookRequests.ChangeSet(changeSetUrl));
        var compliant = await function.InvokeAsync(HookRequests.Resource("AWS::Lambda::Function", HookRequests.Function(timeout: "30"), targetType: "AWS::Lambda::Function"));

        foreach (var outcome in new[] { resource, malformed, stack, missing, changeSet, compliant })
            outcome.IsError.Should().BeFalse(outcome.ToString());
        resource.Json.GetProperty("hookStatus").GetString().Should().Be("FAILED");
        resource.Json.GetProperty("errorCode").GetString().Should().Be("NonCompliant");
        resource.Json.GetProperty("clientRequestToken").GetString().Should().Be("token-1");
        malformed.Json.GetProperty("errorCode").GetString().Should().Be("InternalFailure");
        stack.Json.GetProperty("hookStatus").GetString().Should().Be("FAILED", "PublicApi is EDGE");
        stack.Json.GetProperty("message").GetString().Should().Contain("- PublicApi (line 7): api-gateway-endpoint-type-check");
        missing.Json.GetProperty("errorCode").GetString().Should().Be("InternalFailure");
        missing.Json.GetProperty("message").GetString().Should().Contain("404").And.NotContain("X-Amz-Signature", "a presigned URL's query is a credential");
        changeSet.Json.GetProperty("message").GetString().Should().Contain("- Slow (line 12): lambda-timeout-check");
        compliant.Json.GetProperty("hookStatus").GetString().Should().Be("SUCCESS");
        payloads.Requests.Should().OnlyContain(r => r.EndsWith(" unsigned", StringComparison.Ordinal), "a presigned URL is fetched with a plain GET");
        function.Aws.Requests.Should().BeEmpty("the selected rules need no AWS call");

        // One EMF line per decision, by hookStatus: both InternalFailures are FAILED decisions that judged nothing.
        var lines = await function.Process.WaitForLinesAsync(line => line.StartsWith("{\"_aws\":", StringComparison.Ordinal), 6, LoopbackFunction.Wait);
        foreach (var text in lines) EmfSpecification.Violations(text).Should().BeEmpty(text);
        var decisions = lines.Select(text => JsonDocument.Parse(text).RootElement).ToList();
        decisions.Select(d => d.GetProperty("HookStatus").GetString()).Should().Equal("FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "SUCCESS");
        decisions.Select(d => d.GetProperty("InternalFailures").GetInt32()).Should().Equal(0, 1, 0, 1, 0, 0);
    }

    [Test]
    public async Task Payloads_that_are_no_template_fail_cleanly_and_three_hundred_findings_are_cut_at_a_whole_one()
    {
        await using var payloads = LoopbackPayloadServer.Start();
        await using var function = Start();
        var notJson = payloads.Serve("not-json", "<Error><Code>AccessDenied</Code></Error>");
        var notTemplate = payloads.Serve("not-template", HookRequests.StackPayload("""{"Description": "no resources here"}"""));
        var resources = string.Join("\n", Enumerable.Range(1, 300).Select(i =>
            $"  Function{i:D3}:\n    Type: AWS::Lambda::Function\n    Properties: {{Runtime: python3.13, Handler: a.b, Timeout: 900, Role: arn:aws:iam::123456789012:role/r}}"));
        var big = payloads.Serve("big", HookRequests.StackPayload("Resources:\n" + resources));

        var garbled = await function.InvokeAsync(HookRequests.Stack(notJson));
        var empty = await function.InvokeAsync(HookRequests.Stack(notTemplate));
        var cut = await function.InvokeAsync(HookRequests.Stack(big));

        foreach (var outcome in new[] { garbled, empty, cut }) outcome.IsError.Should().BeFalse(outcome.ToString());
        garbled.Json.GetProperty("errorCode").GetString().Should().Be("InternalFailure");
        garbled.Json.GetProperty("message").GetString().Should().Contain("JSON");
        empty.Json.GetProperty("errorCode").GetString().Should().Be("InternalFailure");
        empty.Json.GetProperty("message").GetString().Should().Contain("Resources");
        var message = cut.Json.GetProperty("message").GetString()!;
        cut.Json.GetProperty("errorCode").GetString().Should().Be("NonCompliant");
        message.Length.Should().BeLessThanOrEqualTo(4096);
        message.Should().StartWith("ConfigRules: 300 NON_COMPLIANT findings stop this deployment.");
        message.Split('\n').Where(line => line.StartsWith("- Function", StringComparison.Ordinal))
            .Should().OnlyContain(line => line.Contains("lambda-timeout-check"), "every finding shown is whole");
    }

    [Test]
    public async Task A_resource_operation_reads_the_role_through_the_signature_checking_iam_endpoint()
    {
        await using var function = LoopbackFunction.Start(Handler, aws =>
        {
            aws.Iam.PutRole("orders-role", null, "arn:aws:iam::aws:policy/AdministratorAccess");
            return new Dictionary<string, string> { ["CONFIGRULES_RULES"] = """{"lambda-execution-role-check": {}}""" };
        });

        var outcome = await function.InvokeAsync(HookRequests.Resource("AWS::Lambda::Function", HookRequests.Function()));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        outcome.Json.GetProperty("hookStatus").GetString().Should().Be("FAILED", outcome.ToString());
        outcome.Json.GetProperty("message").GetString().Should().Contain("AdministratorAccess");
        function.Aws.RequestsFor("iam").Should().NotBeEmpty().And.OnlyContain(r => r.Status == 200, "each IAM call is signed as the endpoint checks");
    }

    [TestCase("""{"lambda-nothing-check": {}}""", "lambda-nothing-check")]
    [TestCase("""{"lambda-timeout-check": {"maxTimeout": "forever"}}""", "lambda-timeout-check")]
    public async Task A_rule_selection_mistake_is_an_init_error_naming_it(string rules, string named)
    {
        await using var function = Start(rules);

        var initError = await function.RuntimeApi.WaitForInitErrorAsync(LoopbackFunction.Wait);

        initError.ErrorType.Should().Be("HandlerConfigurationException");
        initError.ErrorMessage.Should().Contain("CONFIGRULES_RULES").And.Contain(named);
        (await function.Process.WaitForExitAsync(LoopbackFunction.Wait)).Should().NotBe(0);
    }

    [Test]
    public async Task Unset_rules_run_the_whole_catalog_on_a_resource()
    {
        await using var function = Start(rules: null);

        var outcome = await function.InvokeAsync(HookRequests.Resource("AWS::ApiGateway::RestApi", new JsonObject
        {
            ["Name"] = "orders",
            ["EndpointConfiguration"] = new JsonObject { ["Types"] = new JsonArray("PRIVATE") },
        }, logicalId: "OrdersApi"));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        outcome.Json.GetProperty("hookStatus").GetString().Should().Be("SUCCESS", outcome.ToString());
        outcome.Json.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("annotationName").GetString())
            .Should().Contain("api-gateway-endpoint-type-check");
    }
}
