using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Rules.LambdaHandlerName;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaHandlerName;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class LambdaHandlerNameCheckTests(ItemShape shape)
{
    private readonly LambdaHandlerNameCheck _rule = new();

    private ConfigurationItem Function(string runtime, string handler) =>
        ConfigurationItemBuilder.LambdaFunction().With("runtime", runtime).With("handler", handler).Build(shape);

    [TestCase("nodejs24.x", "index.handler")]
    [TestCase("nodejs22.x", "src/handlers/orders.handler")]
    [TestCase("nodejs20.x", "dist/app-v2.handlers.create")]
    [TestCase("python3.14", "app.lambda_handler")]
    [TestCase("python3.13", "src/orders/api.handler")]
    [TestCase("python3.12", "orders.api.handler")]
    [TestCase("dotnet8", "Orders::Orders.Function::FunctionHandler")]
    [TestCase("dotnet10", "Orders.Api::Orders.Api.Functions+Nested::Handle")]
    [TestCase("java21", "example.Handler")]
    [TestCase("java25", "com.example.orders.Handler::handleRequest")]
    [TestCase("java17", "example.Outer$Inner")]
    [TestCase("ruby3.4", "function.handler")]
    [TestCase("ruby3.3", "lib/function.Orders::Handler.process")]
    [TestCase("provided.al2023", "bootstrap")]
    [TestCase("provided.al2", "anything.goes::here")]
    [TestCase("go1.x", "main")]
    public async Task Conventional_handlers_comply(string runtime, string handler)
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(Function(runtime, handler));
        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant, evaluation.Annotation);
    }

    [TestCase("nodejs24.x", "index", "Handler index does not have the Node.js shape file.function, optionally in folders (src/handlers/orders.handler); rename the handler or set lambda-handler-name-check's handlerPattern.")]
    [TestCase("nodejs24.x", "/index.handler", "*Node.js shape*")]
    [TestCase("python3.14", "app.lambda-handler", "*Python shape module.function*")]
    [TestCase("python3.14", "app.", "*Python shape*")]
    [TestCase("dotnet8", "Orders.Function::FunctionHandler", "*.NET shape Assembly::Namespace.Type::Method*")]
    [TestCase("dotnet8", "Orders", "*.NET shape*")]
    [TestCase("java21", "example.Handler::", "*Java shape package.Class or package.Class::method*")]
    [TestCase("java21", "example/Handler", "*Java shape*")]
    [TestCase("ruby3.4", "function", "*Ruby shape file.method*")]
    [TestCase("provided.al2023", "boot strap", "*OS-only (provided, go1.x) shape anything non-empty*")]
    public async Task Unconventional_handlers_are_findings(string runtime, string handler, string annotation)
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(Function(runtime, handler));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Match(annotation);
    }

    [TestCase("index.handler", ComplianceType.Compliant, "Handler index.handler matches handlerPattern.")]
    [TestCase("handlers/index.handler", ComplianceType.NonCompliant,
        "Handler handlers/index.handler does not match handlerPattern index\\.handler|main; rename the handler or change lambda-handler-name-check's handlerPattern.")]
    [TestCase("xindex.handler", ComplianceType.NonCompliant, "*does not match*")]
    [TestCase("main", ComplianceType.Compliant, "*matches*")]
    public async Task A_pattern_must_match_the_whole_handler(string handler, ComplianceType expected, string annotation)
    {
        // The alternation proves the reader anchors around a group: "main" alone must not match "xmain" etc.
        var evaluation = await HarnessFor(_rule).EvaluateAsync(Function("nodejs24.x", handler), Params(("handlerPattern", @"index\.handler|main")));
        evaluation.ComplianceType.Should().Be(expected);
        evaluation.Annotation.Should().Match(annotation);
    }

    [Test]
    public async Task A_pattern_applies_whatever_the_runtime()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(Function("python3.99", "Weird::Shape"), Params(("handlerPattern", "Weird::.*")));
        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
    }

    [Test]
    public async Task An_unknown_runtime_family_without_a_pattern_is_not_applicable()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(Function("cobol9", "main.run"));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Be("No conventional handler shape is known for runtime cobol9; set handlerPattern to check this function.");
    }

    [Test]
    public async Task Container_images_are_not_applicable_even_with_a_pattern()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaContainerImageFunction().Build(shape), Params(("handlerPattern", "x")));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("container image");
    }

    [Test]
    public async Task A_function_without_a_handler_is_not_applicable()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Without("handler").Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("no handler");
    }

    [Test]
    public async Task A_pattern_that_times_out_fails_as_a_parameter_error_instead_of_judging_the_function()
    {
        var handler = new string('a', 40) + "!";
        var judge = async () => await HarnessFor(_rule).EvaluateAsync(Function("nodejs24.x", handler), Params(("handlerPattern", "(a+)+b")));
        await judge.Should().ThrowAsync<InvalidParameterValueException>()
            .WithMessage($"Invalid parameter for lambda-handler-name-check: parameter 'handlerPattern' took longer than {ParameterReader.MatchTimeout.TotalMilliseconds:0} ms to match the handler*nested or overlapping repetition*");
    }

    [Test]
    public async Task Annotations_stay_short_with_the_longest_pattern_and_handler()
    {
        var pattern = "(?:" + new string('x', ParameterReader.MaxPatternLength - 4) + ")";
        var longHandler = new string('h', 120) + ".handler";
        var withPattern = await HarnessFor(_rule).JudgeAsync(Function("nodejs24.x", longHandler), Params(("handlerPattern", pattern)));
        withPattern.Compliance.Should().Be(ComplianceType.NonCompliant);
        withPattern.Annotation!.Length.Should().BeLessThanOrEqualTo(256, withPattern.Annotation);
        withPattern.Annotation.Should().Contain("...");
        foreach (var runtime in new[] { "nodejs24.x", "python3.14", "dotnet8", "java21", "ruby3.4" })
        {
            var convention = await HarnessFor(_rule).JudgeAsync(Function(runtime, longHandler + "-"));
            convention.Compliance.Should().Be(ComplianceType.NonCompliant);
            convention.Annotation!.Length.Should().BeLessThanOrEqualTo(256, convention.Annotation);
        }
    }
}

public class LambdaHandlerNameCheckParameterTests
{
    private readonly LambdaHandlerNameCheck _rule = new();

    [Test]
    public void No_pattern_by_default()
    {
        _rule.ParseParameters(Params()).HandlerPattern.Should().BeNull();
    }

    [Test]
    public void The_pattern_carries_the_match_timeout()
    {
        _rule.ParseParameters(Params(("handlerPattern", "index\\..*"))).HandlerPattern!.MatchTimeout.Should().Be(ParameterReader.MatchTimeout);
    }

    [TestCase("handlerPattern", "index.(handler", "parameter 'handlerPattern' value 'index.(handler' is not a valid regular expression")]
    [TestCase("handlerPattern", "[", "is not a valid regular expression")]
    [TestCase("pattern", "x", "unknown parameter 'pattern' (accepted: handlerPattern)")]
    public void A_bad_parameter_is_named(string name, string value, string expected)
    {
        var parse = () => _rule.ParseParameters(Params((name, value)));
        parse.Should().Throw<InvalidParameterValueException>().WithMessage($"Invalid parameter for lambda-handler-name-check: *{expected}*");
    }

    [Test]
    public void Several_problems_come_in_one_message()
    {
        var parse = () => _rule.ParseParameters(Params(("handlerPattern", "(("), ("handler", "x")));
        parse.Should().Throw<InvalidParameterValueException>().Which.Problems.Should().HaveCount(2);
    }
}
