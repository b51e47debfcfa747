using System.Text.Json.Nodes;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>
/// lambda-public-access-check end to end through the published bootstrap: the resource policy read from the item's
/// <c>supplementaryConfiguration.Policy</c>, in the invoking-event shape and (oversized) in the API shape, and from
/// the loopback Lambda's <c>GetPolicy</c> when the item does not carry it.
/// </summary>
public sealed class LambdaPublicAccessCheckProcessTests() : RuleProcessTests("lambda-public-access-check", FunctionItems.ResourceType)
{
    private const string UrlNone = """{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}""";

    private static string Policy(string name, string principal, string action = "lambda:InvokeFunction", string? condition = null) =>
        $$"""{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"grant","Effect":"Allow","Principal":{{principal}},"Action":"{{action}}","Resource":"arn:aws:lambda:us-east-1:123456789012:function:{{name}}"{{(condition is null ? "" : ",\"Condition\":" + condition)}}}]}""";

    private static ConfigurationItemBuilder WithPolicy(string name, string principal, string action = "lambda:InvokeFunction", string? condition = null) =>
        Function(name).WithSupplementary("Policy", JsonValue.Create(Policy(name, principal, action, condition)));

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(Recorded(WithPolicy("open-oversized", "\"*\"")));
        aws.Config.Put(Recorded(Function("no-policy")));
        aws.Lambda.PutPolicy("unrecorded-fn", Policy("unrecorded-fn", "{\"AWS\":\"210987654321\"}"));
    }

    [Test]
    public async Task An_item_without_the_policy_is_judged_by_the_policy_lambda_answers()
    {
        var evaluation = await ShouldJudgeAsync(Function("unrecorded-fn"), "{}", "NON_COMPLIANT");
        await ShouldJudgeAsync(Function("private-fn"), "{}", "COMPLIANT");

        evaluation.Annotation.Should().Contain("lets account 210987654321 call lambda:InvokeFunction");
        var asked = Aws.RequestsFor("lambda", "GetPolicy").Where(r => r.Request.RawPath.Contains("unrecorded-fn", StringComparison.Ordinal) ||
            r.Request.RawPath.Contains("private-fn", StringComparison.Ordinal));
        asked.Select(r => r.Status).Should().Equal([200, 404], "Lambda answers ResourceNotFoundException for a function without a policy");
    }

    [TestCase("\"*\"", "lambda:InvokeFunction", null, "{}", "NON_COMPLIANT")]
    [TestCase("{\"AWS\":\"210987654321\"}", "lambda:InvokeFunction", null, "{}", "NON_COMPLIANT")]
    [TestCase("{\"AWS\":\"210987654321\"}", "lambda:InvokeFunction", null, """{"allowedPrincipalAccounts":"210987654321"}""", "COMPLIANT")]
    [TestCase("{\"Service\":\"s3.amazonaws.com\"}", "lambda:InvokeFunction", """{"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::bucket"}}""", "{}", "COMPLIANT")]
    [TestCase("\"*\"", "lambda:InvokeFunctionUrl", UrlNone, "{}", "NON_COMPLIANT")]
    [TestCase("\"*\"", "lambda:InvokeFunctionUrl", UrlNone, """{"allowFunctionUrlAuthNone":"true"}""", "COMPLIANT")]
    public async Task A_change_notification_judges_the_recorded_policy(string principal, string action, string? condition, string parameters, string complianceType) =>
        await ShouldJudgeAsync(WithPolicy("policy-fn", principal, action, condition), parameters, complianceType);

    [Test]
    public async Task A_public_function_URL_says_so() =>
        await ShouldJudgeAsync(WithPolicy("url-fn", "\"*\"", "lambda:InvokeFunctionUrl", UrlNone), "{}", "NON_COMPLIANT",
            "Function url-fn has a public function URL (AuthType NONE, statement grant); set the URL's AuthType to AWS_IAM or set allowFunctionUrlAuthNone to true if it must be public.");

    [Test]
    public async Task An_oversized_notification_reads_the_policy_in_the_API_shape()
    {
        var evaluation = await ShouldJudgeOversizedAsync(Function("open-oversized"), "{}", "NON_COMPLIANT");

        evaluation.Annotation.Should().StartWith("Function open-oversized's resource policy lets everyone (Principal *) call lambda:InvokeFunction");
    }

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result() =>
        await ShouldJudgeTheAccountAsync("gone-fn", new Dictionary<string, string>
        {
            ["open-oversized"] = "NON_COMPLIANT",
            ["no-policy"] = "COMPLIANT",
        });

    [Test]
    public async Task An_invalid_account_fails_the_invocation_naming_it() =>
        await ShouldRefuseAsync(Function("policy-fn"), """{"allowedPrincipalAccounts":"partner"}""", "allowedPrincipalAccounts");
}
