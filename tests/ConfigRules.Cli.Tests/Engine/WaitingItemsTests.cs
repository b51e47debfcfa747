using System.Text;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Input;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Engine;

/// <summary>
/// Items kept while they wait come back byte for byte, in order, with where they were read and their rules: those
/// of a plain input read again from their offset, the others from the temporary file.
/// </summary>
[TestFixture]
public sealed class WaitingItemsTests
{
    [Test]
    public void Items_come_back_in_order_with_file_line_and_rules()
    {
        var large = "{\"a\":\"" + new string('x', 200_000) + "\"}";
        var plain = Encoding.UTF8.GetBytes("""[{"resourceId":"in-a"},{"resourceId":"also-in-a"}]""");
        var second = Encoding.UTF8.GetBytes("""{"resourceId":"in-c"}""");
        var inputs = new[] { plain, second };
        var opened = new List<int>();
        using var waiting = new WaitingItems();
        waiting.Add(Encoding.UTF8.GetBytes("""{"resourceId":"one"}"""), "b.json.gz", 1, new RuleSet(0b101));
        waiting.Add(plain.AsSpan(1, 21), "a.json", 1, new RuleSet(0b1), input: 0, offset: 1);
        waiting.Add(Encoding.UTF8.GetBytes(large), "b.json.gz", 12, new RuleSet(1UL << 63));
        waiting.Add(plain.AsSpan(23, 26), "a.json", 1, new RuleSet(0b11), input: 0, offset: 23);
        waiting.Add(second, "c.json", 40_000_000_000L, new RuleSet(0b10), input: 1, offset: 0);
        waiting.Count.Should().Be(5);

        waiting.Rewind(input =>
        {
            opened.Add(input);
            var stream = new MemoryStream(inputs[input]);
            return new OpenedInput(stream, stream);
        });
        var read = new List<(string, string, long, RuleSet)>();
        while (waiting.TryReadNext(out var json, out var file, out var line, out var rules)) read.Add((Encoding.UTF8.GetString(json), file, line, rules));

        read.Should().Equal(
            ("""{"resourceId":"one"}""", "b.json.gz", 1L, new RuleSet(0b101)),
            ("""{"resourceId":"in-a"}""", "a.json", 1L, new RuleSet(0b1)),
            (large, "b.json.gz", 12L, new RuleSet(1UL << 63)),
            ("""{"resourceId":"also-in-a"}""", "a.json", 1L, new RuleSet(0b11)),
            ("""{"resourceId":"in-c"}""", "c.json", 40_000_000_000L, new RuleSet(0b10)));
        opened.Should().Equal([0, 1], "an input is opened again once, not once per item");
    }

    [Test]
    public void Nothing_waiting_reads_nothing()
    {
        using var waiting = new WaitingItems();
        waiting.Rewind(_ => throw new AssertionException("nothing to open"));
        waiting.TryReadNext(out _, out _, out _, out _).Should().BeFalse();
    }
}
