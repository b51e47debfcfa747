using System.Text.Json.Nodes;
using ConfigRules.Lambda.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>
/// lambda-public-access-check end to end through the published bootstrap: the resource policy read from the item's
/// <c>supplementaryConfiguration.Policy</c>, in the invoking-event shape and (oversized) in the API shape, and from
/// the loopback Lambda's <c>GetPolicy</c> when the item does not carry it.
/// </summary>
[TestFixture]
public sealed class LambdaPublicAccessCheckProcessTests : RuleProcessTests
{
    protected override string Handler => "lambda-public-access-check";

    protected override string ResourceType => LambdaFunctionItems.ResourceType;

    private static string Policy(string name, string principal, string action = "lambda:InvokeFunction", string? condition = null) =>
        $$"""{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"grant","Effect":"Allow","Principal":{{principal}},"Action":"{{action}}","Resource":"{{LambdaFunctionItems.Arn(name)}}"{{(condition is null ? "" : ",\"Condition\":" + condition)}}}]}""";

    private static readonly string UrlNone = """{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}""";

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        var open = FunctionResources.Function("open-oversized");
        open.SupplementaryConfiguration["Policy"] = JsonValue.Create(Policy("open-oversized", "\"*\""))!;
        aws.Config.Put(open);
        aws.Config.Put(FunctionResources.Function("no-policy"));
        aws.Lambda.PutPolicy("unrecorded-fn", Policy("unrecorded-fn", "{\"AWS\":\"210987654321\"}"));
    }

    [Test]
    public async Task An_item_without_the_policy_is_judged_by_the_policy_lambda_answers()
    {
        var unrecorded = await ChangeAsync(LambdaFunctionItems.InvokingEventShape("unrecorded-fn", "python3.13"));
        var without = await ChangeAsync(LambdaFunctionItems.InvokingEventShape("private-fn", "python3.13"));

        var evaluation = SingleEvaluation(unrecorded, ResourceType, "unrecorded-fn", LambdaFunctionItems.CaptureTime);
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().Contain("lets account 210987654321 call lambda:InvokeFunction");
        SingleEvaluation(without, ResourceType, "private-fn", LambdaFunctionItems.CaptureTime).ComplianceType.Should().Be("COMPLIANT",
            "Lambda answers ResourceNotFoundException for a function without a policy");
        var asked = Aws.RequestsFor("lambda", "GetPolicy").Where(r => r.Request.RawPath.Contains("unrecorded-fn", StringComparison.Ordinal) ||
            r.Request.RawPath.Contains("private-fn", StringComparison.Ordinal));
        asked.Select(r => r.Status).Should().Equal(200, 404);
    }

    [TestCase("\"*\"", "lambda:InvokeFunction", null, "{}", "NON_COMPLIANT")]
    [TestCase("{\"AWS\":\"210987654321\"}", "lambda:InvokeFunction", null, "{}", "NON_COMPLIANT")]
    [TestCase("{\"AWS\":\"210987654321\"}", "lambda:InvokeFunction", null, """{"allowedPrincipalAccounts":"210987654321"}""", "COMPLIANT")]
    [TestCase("{\"Service\":\"s3.amazonaws.com\"}", "lambda:InvokeFunction", """{"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::bucket"}}""", "{}", "COMPLIANT")]
    [TestCase("\"*\"", "lambda:InvokeFunctionUrl", """{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}""", "{}", "NON_COMPLIANT")]
    [TestCase("\"*\"", "lambda:InvokeFunctionUrl", """{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}""", """{"allowFunctionUrlAuthNone":"true"}""", "COMPLIANT")]
    public async Task A_change_notification_judges_the_recorded_policy(string principal, string action, string? condition, string parameters, string complianceType)
    {
        var item = LambdaFunctionItems.InvokingEventShape("policy-fn", "python3.13")
            .Supplementary("Policy", JsonValue.Create(Policy("policy-fn", principal, action, condition))!);

        var invocation = await ChangeAsync(item, JsonNode.Parse(parameters)!.AsObject());

        SingleEvaluation(invocation, ResourceType, "policy-fn", LambdaFunctionItems.CaptureTime).ComplianceType.Should().Be(complianceType);
    }

    [Test]
    public async Task A_public_function_URL_says_so()
    {
        var item = LambdaFunctionItems.InvokingEventShape("url-fn", "python3.13")
            .Supplementary("Policy", JsonValue.Create(Policy("url-fn", "\"*\"", "lambda:InvokeFunctionUrl", UrlNone))!);

        var invocation = await ChangeAsync(item);

        SingleEvaluation(invocation, ResourceType, "url-fn", LambdaFunctionItems.CaptureTime).Annotation.Should().Be(
            "Function url-fn has a public function URL (AuthType NONE, statement grant); set the URL's AuthType to AWS_IAM or set allowFunctionUrlAuthNone to true if it must be public.");
    }

    [Test]
    public async Task An_oversized_notification_reads_the_policy_in_the_API_shape()
    {
        var invocation = await InvokeAsync(ConfigEvents.Oversized(LambdaFunctionItems.Summary("open-oversized")));

        ShouldHaveFetchedHistory("open-oversized");
        var evaluation = SingleEvaluation(invocation, ResourceType, "open-oversized", FunctionResources.OversizedCaptureTime);
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().StartWith("Function open-oversized's resource policy lets everyone (Principal *) call lambda:InvokeFunction");
    }

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result()
    {
        var invocation = await PeriodicAsync("gone-fn");

        ShouldHaveJudgedTheAccount(invocation, new Dictionary<string, string>
        {
            ["open-oversized"] = "NON_COMPLIANT",
            ["no-policy"] = "COMPLIANT",
        }, "gone-fn");
    }

    [Test]
    public async Task An_invalid_account_fails_the_invocation_naming_it()
    {
        var item = LambdaFunctionItems.InvokingEventShape("policy-fn", "python3.13");

        var invocation = await ChangeAsync(item, JsonNode.Parse("""{"allowedPrincipalAccounts":"partner"}""")!.AsObject());

        ShouldFailNaming(invocation, "allowedPrincipalAccounts");
    }
}
