using System.Text.RegularExpressions;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;
using ConfigRules.Reliability.Tests.BadInput;
using ConfigRules.Reliability.Tests.Fixtures;
using ConfigRules.Rules;
using ConfigRules.Rules.LambdaHandlerName;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.Security;

/// <summary>
/// Patterns from parameters are the one place a rule's user supplies code. They run with a match timeout, so a
/// catastrophic pattern ends in a clear parameter error instead of stalling the invocation until Lambda kills it.
/// Without the timeout, (a+)+$ against forty 'a's and a '!' takes 2^40 steps: these tests would not end.
/// </summary>
public class RegexTimeoutTests
{
    private static readonly string[] CatastrophicPatterns = ["(a+)+$", "(a|aa)+$", "(a*)*b", "(.*a){12}", "([a-z]+)*[0-9]$", "(\\w+\\s?)+$"];

    /// <summary>A handler that makes each pattern above backtrack exponentially before it fails.</summary>
    private static readonly string HostileHandler = new string('a', 60) + "!";

    public static IEnumerable<string> Patterns => CatastrophicPatterns;

    [Test]
    public void The_catalog_regex_parameter_is_compiled_with_the_match_timeout()
    {
        var regexParameters = RuleCatalog.Definitions
            .SelectMany(d => d.Parameters.Where(p => p.Kind == ParameterKind.Regex).Select(p => $"{d.Id}.{p.Name}")).ToList();
        regexParameters.Should().Equal(["lambda-handler-name-check.handlerPattern"], "every other list parameter is literal text or * wildcards");

        var parsed = new LambdaHandlerNameCheck().ParseParameters(new Dictionary<string, string> { ["handlerPattern"] = "(a+)+$" });
        parsed.HandlerPattern!.MatchTimeout.Should().Be(ParameterReader.MatchTimeout).And.NotBe(Regex.InfiniteMatchTimeout);
    }

    [TestCaseSource(nameof(Patterns))]
    public void A_catastrophic_handler_pattern_ends_in_a_parameter_error_naming_the_pattern_problem(string pattern)
    {
        var rule = RuleCatalog.Find("lambda-handler-name-check")!;
        var item = Framework.Model.ConfigurationItemMapper.Parse(RuleEvents.FunctionItem("fn", RuleEvents.FunctionConfiguration("fn", 30, handler: HostileHandler)).ToJsonString());
        var parameters = rule.ParseParameters(new Dictionary<string, string> { ["handlerPattern"] = pattern });

        var act = () => rule.EvaluateAsync(item, parameters, new RuleContext(DateTimeOffset.UtcNow, RuleServices.Empty), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        act.Should().Throw<InvalidParameterValueException>()
            .WithMessage("*handlerPattern*took longer than*ms*expected a pattern without nested or overlapping repetition*",
                "the match timeout, not the input, ends the match: without it this never returns");
    }

    [Test]
    public void Through_the_pipeline_a_catastrophic_pattern_fails_the_invocation_and_posts_nothing()
    {
        var payload = RuleEvents.Change("token", "lambda-handler-name-check",
            RuleEvents.FunctionItem("fn", RuleEvents.FunctionConfiguration("fn", 30, handler: HostileHandler)),
            new System.Text.Json.Nodes.JsonObject { ["handlerPattern"] = "(a+)+$" });
        InputOutcome.Serve(payload, RuleCatalog.Find("lambda-handler-name-check")!).Should().Be("InvalidParameterValueException");
    }

    [Test]
    public void Patterns_longer_than_the_limit_are_refused_before_they_are_compiled()
    {
        var rule = RuleCatalog.Find("lambda-handler-name-check")!;
        var tooLong = string.Concat(Enumerable.Repeat("(a|b)", ParameterReader.MaxPatternLength / 5 + 1));
        var act = () => rule.ParseParameters(new Dictionary<string, string> { ["handlerPattern"] = tooLong });
        act.Should().Throw<InvalidParameterValueException>().WithMessage($"*handlerPattern*{tooLong.Length} characters*at most {ParameterReader.MaxPatternLength}*");
    }

    [Test]
    public void Values_longer_than_the_limit_are_refused_with_their_length()
    {
        var rule = RuleCatalog.Find("lambda-runtime-check")!;
        var huge = string.Join(",", Enumerable.Repeat("python3.12", 400));
        var act = () => rule.ParseParameters(new Dictionary<string, string> { ["allowedRuntimes"] = huge });
        act.Should().Throw<InvalidParameterValueException>().WithMessage($"*allowedRuntimes*{huge.Length} characters*at most {ParameterReader.MaxValueLength}*");
    }

    [Test]
    public void Role_arn_patterns_are_wildcards_not_regular_expressions()
    {
        var rule = RuleCatalog.Find("lambda-execution-role-check")!;
        // Regex syntax in a wildcard pattern is literal text: it neither fails to compile nor backtracks.
        var parameters = rule.ParseParameters(new Dictionary<string, string> { ["allowedRoleArnPatterns"] = "arn:aws:iam::*:role/(a+)+$,arn:aws:iam::*:role/(.*)*[a-z]{99}" });
        var item = Framework.Model.ConfigurationItemMapper.Parse(RuleEvents.FunctionItem("fn", RuleEvents.FunctionConfiguration("fn", 30)).ToJsonString());
        InputOutcome.Evaluate(rule, item, parameters).Should().BeNull("the role is judged (NON_COMPLIANT: it matches no pattern), no error");
    }
}
