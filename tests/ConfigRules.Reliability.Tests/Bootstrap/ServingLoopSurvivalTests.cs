using System.Text;
using ConfigRules.Framework.Events;
using ConfigRules.Reliability.Tests.BadInput;
using ConfigRules.Reliability.Tests.FaultInjection;
using ConfigRules.Reliability.Tests.Fixtures;
using ConfigRules.Rules;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;
using CsCheck;
using FluentAssertions;
using FluentAssertions.Execution;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.Bootstrap;

/// <summary>
/// One published bootstrap process takes thousands of mutated events (and one above Lambda's 6 MB payload
/// limit): each ends with a response or a clear error report, the process keeps serving, and a good event
/// afterwards is still judged correctly.
/// </summary>
[Category("Soak")]
[Parallelizable(ParallelScope.None)]
public class ServingLoopSurvivalTests
{
    private const int MutatedEvents = 3000;
    private static readonly string[] ClearErrorTypes = ["InvalidEventException", "InvalidParameterValueException", "ConfigurationItemUnavailableException"];

    [TestCase("lambda-handler-name-check")]
    public async Task Thousands_of_mutated_events_leave_the_serving_loop_answering_correctly(string handler)
    {
        var rule = RuleCatalog.Find(handler)!;
        await using var aws = LoopbackAwsServer.Start();
        await using var function = LoopbackFunction.StartAgainst(handler, aws);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        // Sequential on purpose: one execution environment serves one invocation at a time.
        EventMutator.Events(rule).Sample(evt =>
        {
            var outcome = function.TryInvokeAsync(evt.Payload, TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
            outcome.Should().NotBeNull("every invocation ends with an outcome; output so far:\n{0}", Tail(function));
            var kind = outcome!.IsError ? outcome.ErrorType! : "response";
            kind.Should().BeOneOf([.. ClearErrorTypes, "response"], "{0}", outcome.BodyText);
            if (outcome.IsError) outcome.ErrorMessage.Should().NotBeNullOrWhiteSpace();
            outcomes[kind] = outcomes.GetValueOrDefault(kind) + 1;
        }, iter: MutatedEvents, threads: 1);

        var huge = new byte[ConfigRuleEventParser.MaxEventBytes + 1];
        Array.Fill(huge, (byte)' ');
        var oversizedPayload = await function.TryInvokeAsync(huge, TimeSpan.FromSeconds(10));
        oversizedPayload!.ErrorType.Should().Be("InvalidEventException");
        oversizedPayload.ErrorMessage.Should().Contain(ConfigRuleEventParser.MaxEventBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var good = RuleEvents.Change("good-token", handler, RuleEvents.FunctionItem("fn-good", RuleEvents.FunctionConfiguration("fn-good", 30, handler: "not-a-python-handler")));
        var last = await function.TryInvokeAsync(good, TimeSpan.FromSeconds(10));

        TestContext.Progress.WriteLine($"Mutated events through one bootstrap: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        using (new AssertionScope())
        {
            last!.IsError.Should().BeFalse(last.BodyText);
            aws.Config.AcceptedEvaluations.Should().ContainSingle(a => a.ResultToken == "good-token")
                .Which.ComplianceType.Should().Be("NON_COMPLIANT", "python handlers are module.function");
            function.Process.HasExited.Should().BeFalse();
            function.RuntimeApi.DuplicateReports.Should().Be(0);
            outcomes.Keys.Should().Contain(["response", "InvalidEventException", "InvalidParameterValueException"]);
            function.Process.StandardError.Should().BeEmpty("nothing escapes the structured log");
        }
    }

    private static string Tail(LoopbackFunction function) => string.Join('\n', function.Process.StandardOutput.TakeLast(5)) +
        (function.Process.StandardError.Count > 0 ? "\n[stderr]\n" + string.Join('\n', function.Process.StandardError.TakeLast(20)) : string.Empty);
}
