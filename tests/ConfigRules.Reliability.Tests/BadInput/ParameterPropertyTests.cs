using System.Text.Json.Nodes;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Rules;
using ConfigRules.Reliability.Tests.Fixtures;
using ConfigRules.Rules;
using CsCheck;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.BadInput;

/// <summary>
/// Any InputParameters are accepted or refused with one InvalidParameterValueException that names each
/// offending parameter; accepted ones then judge items without any other exception (a slow pattern included).
/// </summary>
public class ParameterPropertyTests
{
    private static (IConfigRule Rule, Dictionary<string, string> Raw) OddParameters(Random random)
    {
        var rule = RuleCatalog.All[random.Next(RuleCatalog.All.Count)];
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in rule.Definition.Parameters.Where(_ => random.Next(2) == 0))
            raw[parameter.Name] = random.Next(3) == 0 ? parameter.Default ?? string.Empty : JsonChaos.OddString(random);
        if (random.Next(6) == 0) raw[JsonChaos.Name(random)] = JsonChaos.OddString(random);
        return (rule, raw);
    }

    [Test]
    public void Odd_parameters_are_accepted_or_refused_naming_each_bad_one()
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        ChoiceRandom.Gen.Select(OddParameters).Sample(sample =>
        {
            object parameters;
            try
            {
                parameters = sample.Rule.ParseParameters(sample.Raw);
            }
            catch (InvalidParameterValueException ex)
            {
                InputOutcome.CheckMessage(ex);
                ex.ErrorType.Should().Be("InvalidParameterValueException");
                ex.Problems.Should().NotBeEmpty();
                foreach (var problem in ex.Problems)
                    sample.Raw.Keys.Should().Contain(name => problem.Contains($"'{name}'", StringComparison.Ordinal) || problem.Contains(name, StringComparison.Ordinal),
                        "each problem names a parameter that was given: {0}", problem);
                lock (outcomes) outcomes["refused"] = outcomes.GetValueOrDefault("refused") + 1;
                return;
            }
            var item = Framework.Model.ConfigurationItemMapper.Parse(EventMutator.ValidItem(sample.Rule.Definition.ResourceTypes[0], new Random(1)).ToJsonString());
            var outcome = InputOutcome.Evaluate(sample.Rule, item, parameters) ?? "verdict";
            outcome.Should().BeOneOf("verdict", "InvalidParameterValueException");
            lock (outcomes) outcomes["accepted"] = outcomes.GetValueOrDefault("accepted") + 1;
        }, iter: 4000, threads: 1, print: s => $"{s.Rule.Definition.Id} {string.Join(", ", s.Raw.Select(p => $"{p.Key}={p.Value}"))}");

        TestContext.Out.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        outcomes.Should().ContainKeys("accepted", "refused");
    }

    [Test]
    public void Rule_parameters_that_are_not_a_json_object_of_strings_are_refused_clearly()
    {
        ChoiceRandom.Gen.Sample(random =>
        {
            var value = JsonChaos.Value(random);
            var text = random.Next(4) == 0 ? JsonChaos.OddString(random) : new JsonObject { ["allowedRuntimes"] = value }.ToJsonString();
            try
            {
                var parsed = ConfigRuleEventParser.ParseRuleParameters(text);
                parsed.Values.Should().NotContainNulls("every accepted value is text");
            }
            catch (ConfigRulesException ex)
            {
                ex.Should().Match(e => e is InvalidEventException || e is InvalidParameterValueException);
                InputOutcome.CheckMessage(ex);
            }
        }, iter: 2000, threads: 1);
    }

    [Test]
    public void An_event_with_bad_parameters_posts_nothing_and_names_the_parameter()
    {
        var item = RuleEvents.FunctionItem("fn", RuleEvents.FunctionConfiguration("fn", 30));
        var payload = RuleEvents.Change("token", "lambda-timeout-check", item, new JsonObject { ["maxTimeout"] = "ten", ["minTimeout"] = "5" });
        var act = () => InputOutcome.Serve(payload, RuleCatalog.Find("lambda-timeout-check")!);
        act().Should().Be("InvalidParameterValueException");
        var config = InputOutcome.Account(null);
        var run = () => new Framework.Pipeline.RuleInvocationPipeline(RuleCatalog.Find("lambda-timeout-check")!, config, RuleServices.Empty, InputOutcome.Clock)
            .HandleAsync(ConfigRuleEventParser.Parse(payload), CancellationToken.None);
        run.Should().ThrowAsync<InvalidParameterValueException>().WithMessage("*'maxTimeout'*ten*").Wait();
        config.Posted.Should().BeEmpty();
    }
}
