using System.Text.Json.Nodes;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>lambda-handler-name-check end to end through the published bootstrap, hostile patterns included.</summary>
public sealed class LambdaHandlerNameCheckProcessTests() : RuleProcessTests("lambda-handler-name-check", FunctionItems.ResourceType)
{
    private const string SrcPattern = """{"handlerPattern":"src/[a-z]+\\.handler"}""";

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(Recorded(Function("handler-oversized").With("handler", "Main").With("memorySize", Number("128.0"))));
        aws.Config.Put(Recorded(Function("handler-good").With("handler", "src/orders/api.handler")));
        aws.Config.Put(Recorded(Function("handler-dotnet", "dotnet8").With("handler", "Orders::Orders.Function::FunctionHandler")));
        aws.Config.Put(Recorded(ImageFunction("handler-image")));
    }

    private static ConfigurationItemBuilder Item(string runtime, string handler) =>
        Function("orders-api", runtime).With("handler", handler).With("memorySize", Number("128.0"));

    private static string Pattern(string pattern) => new JsonObject { ["handlerPattern"] = pattern }.ToJsonString();

    [TestCase("python3.13", "app.lambda_handler", "{}", "COMPLIANT", null)]
    [TestCase("nodejs22.x", "index", "{}", "NON_COMPLIANT",
        "Handler index does not have the Node.js shape file.function, optionally in folders (src/handlers/orders.handler); rename the handler or set lambda-handler-name-check's handlerPattern.")]
    [TestCase("dotnet8", "Orders.Function::FunctionHandler", "{}", "NON_COMPLIANT",
        "Handler Orders.Function::FunctionHandler does not have the .NET shape Assembly::Namespace.Type::Method; rename the handler or set lambda-handler-name-check's handlerPattern.")]
    [TestCase("java21", "com.example.Handler::handleRequest", "{}", "COMPLIANT", null)]
    [TestCase("nodejs22.x", "src/orders.handler", SrcPattern, "COMPLIANT", null)]
    [TestCase("nodejs22.x", "index.handler", SrcPattern, "NON_COMPLIANT",
        "Handler index.handler does not match handlerPattern src/[a-z]+\\.handler; rename the handler or change lambda-handler-name-check's handlerPattern.")]
    [TestCase("nodejs22.x", "src/orders.handler.extra", SrcPattern, "NON_COMPLIANT",
        "Handler src/orders.handler.extra does not match handlerPattern src/[a-z]+\\.handler; rename the handler or change lambda-handler-name-check's handlerPattern.")]
    public async Task A_change_notification_matches_the_whole_handler(
        string runtime, string handler, string parameters, string complianceType, string? annotation) =>
        await ShouldJudgeAsync(Item(runtime, handler), parameters, complianceType, annotation);

    [Test]
    public async Task A_container_image_function_is_not_applicable() =>
        await ShouldJudgeAsync(ImageFunction("orders-api"), SrcPattern, "NOT_APPLICABLE");

    [Test]
    public async Task A_hostile_pattern_against_a_long_handler_fails_promptly_as_a_parameter_error_and_the_process_serves_on()
    {
        // Nested repetition backtracks exponentially on a run of a's that cannot end the match.
        var handler = new string('a', 100) + "!";

        var invocation = await ChangeAsync(Item("nodejs22.x", handler), Pattern("(a+)+"), functionTimeout: TimeSpan.FromSeconds(20));

        ShouldFailNaming(invocation, "handlerPattern");
        invocation.Outcome.ErrorMessage.Should().Contain("took longer than", "the match timeout stopped the pattern");
        invocation.Outcome.ReportedAt.Should().BeBefore(invocation.Deadline!.Value, "the match timeout answers within the function's own timeout");
        await ShouldJudgeAsync(Item("python3.13", "app.handler"), "{}", "COMPLIANT");
        RuleFunction.Process.HasExited.Should().BeFalse();
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape()
    {
        var evaluation = await ShouldJudgeOversizedAsync(Function("handler-oversized"), "{}", "NON_COMPLIANT");

        evaluation.Annotation.Should().StartWith("Handler Main does not have the Python shape");
    }

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result() =>
        await ShouldJudgeTheAccountAsync("handler-removed", new Dictionary<string, string>
        {
            ["handler-oversized"] = "NON_COMPLIANT",
            ["handler-good"] = "COMPLIANT",
            ["handler-dotnet"] = "COMPLIANT",
            ["handler-image"] = "NOT_APPLICABLE",
        });

    [TestCase("([a-z]+")]
    [TestCase("[z-a]")]
    public async Task An_invalid_pattern_fails_the_invocation_naming_the_parameter(string pattern) =>
        await ShouldRefuseAsync(Item("nodejs22.x", "index.handler"), Pattern(pattern), "handlerPattern");

    [Test]
    public async Task A_pattern_above_the_length_limit_fails_the_invocation_naming_the_parameter() =>
        await ShouldRefuseAsync(Item("nodejs22.x", "index.handler"), Pattern(new string('a', 513)), "handlerPattern");
}
