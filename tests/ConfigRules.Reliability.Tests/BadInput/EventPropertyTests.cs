using System.Text;
using ConfigRules.Framework.Events;
using ConfigRules.Rules;
using CsCheck;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.BadInput;

/// <summary>
/// Any event gives evaluations or a clear error (InvalidEventException, InvalidParameterValueException, or the
/// retryable ConfigurationItemUnavailableException), never another exception: structured mutations of valid
/// events, byte-level damage to them, and arbitrary bytes.
/// </summary>
public class EventPropertyTests
{
    private static readonly string[] ClearErrorTypes = ["InvalidEventException", "InvalidParameterValueException", "ConfigurationItemUnavailableException"];

    [Test]
    public void Mutated_events_give_evaluations_or_a_clear_error()
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        EventMutator.Events().Sample(evt =>
        {
            var outcome = InputOutcome.Serve(evt.Payload, evt.Rule, evt.Recorded) ?? "evaluations";
            outcome.Should().BeOneOf([.. ClearErrorTypes, "evaluations"]);
            lock (outcomes) outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }, iter: 3000, threads: 1);

        TestContext.Out.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        outcomes.Keys.Should().Contain(["evaluations", "InvalidEventException", "InvalidParameterValueException"], "the mutations reach every outcome");
    }

    [Test]
    public void Damaged_bytes_of_valid_events_give_evaluations_or_a_clear_error()
    {
        var damage = Gen.Select(EventMutator.Events(), Gen.Int[1, 8], ChoiceRandom.Gen).Select((evt, edits, random) =>
        {
            var bytes = evt.Payload.ToList();
            for (var i = 0; i < edits && bytes.Count > 0; i++)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(4))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes.Insert(at, (byte)"{}[]\",:\\0"[random.Next(9)]); break;
                    case 2: bytes.RemoveAt(at); break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }
            }
            return evt with { Payload = [.. bytes] };
        });
        damage.Sample(evt => (InputOutcome.Serve(evt.Payload, evt.Rule, evt.Recorded) ?? "evaluations").Should().BeOneOf([.. ClearErrorTypes, "evaluations"]),
            iter: 3000, threads: 1);
    }

    [Test]
    public void Arbitrary_bytes_are_refused_as_an_invalid_event()
    {
        var rule = RuleCatalog.All[0];
        Gen.Byte.Array[0, 512].Sample(bytes =>
        {
            var outcome = InputOutcome.Serve(bytes, rule);
            outcome.Should().Be("InvalidEventException", "{0} is no Config event", Encoding.UTF8.GetString(bytes));
        }, iter: 2000, threads: 1);
    }

    [Test]
    public void Nesting_deeper_than_the_reader_follows_is_an_invalid_event()
    {
        var payload = Encoding.UTF8.GetBytes($"{{\"invokingEvent\":{JsonChaos.DeepNesting(10_000)}}}");
        var act = () => ConfigRuleEventParser.Parse(payload);
        act.Should().Throw<InvalidEventException>().WithMessage("*not valid JSON*");
    }
}
