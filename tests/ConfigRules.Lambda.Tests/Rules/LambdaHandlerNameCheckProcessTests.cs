using System.Text.Json.Nodes;
using ConfigRules.Lambda.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Lambda.Tests.Fixtures.ItemEdits;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>lambda-handler-name-check end to end through the published bootstrap, hostile patterns included.</summary>
[TestFixture]
public sealed class LambdaHandlerNameCheckProcessTests : RuleProcessTests
{
    private const string SrcPattern = """{"handlerPattern":"src/[a-z]+\\.handler"}""";

    protected override string Handler => "lambda-handler-name-check";

    protected override string ResourceType => LambdaFunctionItems.ResourceType;

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(FunctionResources.Function("handler-oversized", ("handler", "Main"), ("memorySize", Number("128.0"))));
        aws.Config.Put(FunctionResources.Function("handler-good", ("handler", "src/orders/api.handler")));
        aws.Config.Put(FunctionResources.Function("handler-dotnet", ("runtime", "dotnet8"), ("handler", "Orders::Orders.Function::FunctionHandler")));
        aws.Config.Put(FunctionResources.Function("handler-image", ("packageType", "Image"), ("runtime", null), ("handler", null)));
    }

    private static JsonObject Item(string runtime, string handler) =>
        LambdaFunctionItems.InvokingEventShape("orders-api", runtime).Configure(("handler", handler), ("memorySize", Number("128.0")));

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
        string runtime, string handler, string parameters, string complianceType, string? annotation)
    {
        var invocation = await ChangeAsync(Item(runtime, handler), JsonNode.Parse(parameters)!.AsObject());

        var evaluation = SingleEvaluation(invocation, ResourceType, "orders-api", LambdaFunctionItems.CaptureTime);
        evaluation.ComplianceType.Should().Be(complianceType);
        if (annotation is not null) evaluation.Annotation.Should().Be(annotation);
    }

    [Test]
    public async Task A_container_image_function_is_not_applicable()
    {
        var item = LambdaFunctionItems.InvokingEventShape("orders-api", null).Configure(("packageType", "Image"));

        var invocation = await ChangeAsync(item, JsonNode.Parse(SrcPattern)!.AsObject());

        SingleEvaluation(invocation, ResourceType, "orders-api", LambdaFunctionItems.CaptureTime).ComplianceType.Should().Be("NOT_APPLICABLE");
    }

    [Test]
    public async Task A_hostile_pattern_against_a_long_handler_fails_promptly_as_a_parameter_error_and_the_process_serves_on()
    {
        // Nested repetition backtracks exponentially on a run of a's that cannot end the match.
        var hostile = new JsonObject { ["handlerPattern"] = "(a+)+" };
        var handler = new string('a', 100) + "!";

        var invocation = await InvokeAsync(ConfigEvents.Change(Item("nodejs22.x", handler), hostile), functionTimeout: TimeSpan.FromSeconds(20));

        ShouldFailNaming(invocation, "handlerPattern");
        invocation.Outcome.ErrorMessage.Should().Contain("took longer than", "the match timeout stopped the pattern");
        invocation.Outcome.ReportedAt.Should().BeBefore(invocation.Deadline!.Value, "the match timeout answers within the function's own timeout");
        var next = await ChangeAsync(Item("python3.13", "app.handler"));
        SingleEvaluation(next, ResourceType, "orders-api", LambdaFunctionItems.CaptureTime).ComplianceType.Should().Be("COMPLIANT");
        Function.Process.HasExited.Should().BeFalse();
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape()
    {
        var invocation = await InvokeAsync(ConfigEvents.Oversized(LambdaFunctionItems.Summary("handler-oversized")));

        ShouldHaveFetchedHistory("handler-oversized");
        var evaluation = SingleEvaluation(invocation, ResourceType, "handler-oversized", FunctionResources.OversizedCaptureTime);
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().StartWith("Handler Main does not have the Python shape");
    }

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result()
    {
        var invocation = await PeriodicAsync("handler-removed");

        ShouldHaveJudgedTheAccount(invocation, new Dictionary<string, string>
        {
            ["handler-oversized"] = "NON_COMPLIANT",
            ["handler-good"] = "COMPLIANT",
            ["handler-dotnet"] = "COMPLIANT",
            ["handler-image"] = "NOT_APPLICABLE",
        }, "handler-removed");
    }

    [TestCase("([a-z]+")]
    [TestCase("[z-a]")]
    public async Task An_invalid_pattern_fails_the_invocation_naming_the_parameter(string pattern)
    {
        var invocation = await ChangeAsync(Item("nodejs22.x", "index.handler"), new JsonObject { ["handlerPattern"] = pattern });

        ShouldFailNaming(invocation, "handlerPattern");
    }

    [Test]
    public async Task A_pattern_above_the_length_limit_fails_the_invocation_naming_the_parameter()
    {
        var invocation = await ChangeAsync(Item("nodejs22.x", "index.handler"), new JsonObject { ["handlerPattern"] = new string('a', 513) });

        ShouldFailNaming(invocation, "handlerPattern");
    }
}
