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
        while (waiting.TryReadNext(NeverAsked, out var item)) read.Add((Encoding.UTF8.GetString(item.Bytes.Span), item.File, item.Line, item.Rules));

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
        waiting.TryReadNext(NeverAsked, out _).Should().BeFalse();
    }

    [Test]
    public void An_item_judged_ahead_comes_back_as_its_findings_while_its_reads_are_still_the_answers()
    {
        var plain = Encoding.UTF8.GetBytes("""[{"resourceId":"kept"},{"resourceId":"again"}]""");
        using var waiting = new WaitingItems();
        waiting.Add(plain.AsSpan(1, 21), "a.json", 1, new RuleSet(0b1), input: 0, offset: 1,
            new FindingCounts(1, 0, 0, 0), "rendered-kept"u8, "still"u8);
        waiting.Add(plain.AsSpan(23, 22), "a.json", 2, new RuleSet(0b10), input: 0, offset: 23,
            new FindingCounts(0, 1, 0, 0), "rendered-stale"u8, "changed"u8);
        waiting.Add("""{"resourceId":"inline"}"""u8, "b.json.gz", 3, new RuleSet(0b1), counts: new FindingCounts(0, 0, 1, 1),
            rendered: "rendered-inline"u8, reads: "still"u8);
        waiting.Add("""{"resourceId":"last"}"""u8, "b.json.gz", 4, new RuleSet(0b1));
        var opened = 0;
        waiting.Rewind(_ =>
        {
            opened++;
            var stream = new MemoryStream(plain);
            return new OpenedInput(stream, stream);
        });

        var read = new List<(string, long, FindingCounts?)>();
        while (waiting.TryReadNext(reads => Encoding.UTF8.GetString(reads) == "still", out var item))
            read.Add((Encoding.UTF8.GetString(item.Bytes.Span), item.Line, item.Counts));

        read.Should().Equal(
            ("rendered-kept", 1L, new FindingCounts(1, 0, 0, 0)),
            ("""{"resourceId":"again"}""", 2L, null),
            ("rendered-inline", 3L, new FindingCounts(0, 0, 1, 1)),
            ("""{"resourceId":"last"}""", 4L, null));
        (waiting.KeptAhead, waiting.JudgedAgain).Should().Be((2L, 1L));
        opened.Should().Be(1, "only the item whose reads changed is read from its input again");
    }

    private static bool NeverAsked(ReadOnlySpan<byte> reads) => throw new AssertionException("no item here was judged ahead");
}
