using System.Text;
using ConfigRules.Cli.Engine;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Engine;

/// <summary>Items kept on disk while they wait come back byte for byte, in order, with where they were read and their rules.</summary>
[TestFixture]
public sealed class WaitingItemsTests
{
    [Test]
    public void Items_come_back_in_order_with_file_line_and_rules()
    {
        var large = "{\"a\":\"" + new string('x', 200_000) + "\"}";
        var written = new[]
        {
            ("""{"resourceId":"one"}""", "a.json", 1L, new RuleSet(0b101)),
            (large, "b.json", 12L, new RuleSet(1UL << 63)),
            ("""{"resourceId":"three"}""", "a.json", 40_000_000_000L, new RuleSet(0b10)),
        };
        using var waiting = new WaitingItems();
        foreach (var (json, file, line, rules) in written) waiting.Add(Encoding.UTF8.GetBytes(json), file, line, rules);
        waiting.Count.Should().Be(3);

        waiting.Rewind();
        var read = new List<(string, string, long, RuleSet)>();
        while (waiting.TryReadNext(out var json, out var file, out var line, out var rules)) read.Add((Encoding.UTF8.GetString(json), file, line, rules));

        read.Should().Equal(written);
    }

    [Test]
    public void Nothing_waiting_reads_nothing()
    {
        using var waiting = new WaitingItems();
        waiting.Rewind();
        waiting.TryReadNext(out _, out _, out _, out _).Should().BeFalse();
    }
}
