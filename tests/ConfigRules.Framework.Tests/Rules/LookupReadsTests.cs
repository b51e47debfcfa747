using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Rules;

/// <summary>
/// An index that reports its reads lets a host tell whether an answer given before the end of an input is still the
/// answer: a keyed answer changes only when that key is stored again, a listing when anything is; a memoized value
/// carries the reads it was computed from to every caller.
/// </summary>
[TestFixture]
public sealed class LookupReadsTests
{
    [Test]
    public void A_keyed_answer_stays_current_until_its_key_is_stored()
    {
        var index = new ColourIndex();
        var reads = new LookupReads();
        using (reads.Record())
        {
            index.Find("SKY").Should().BeNull();
            index.Add(Item("grass", "green"));
            index.Find("grass").Should().Be("green");
        }

        reads.Reads.Select(read => (read.Key, read.Version)).Should().Equal(("SKY", 0L), ("grass", 1L));
        reads.Reads.Should().OnlyContain(read => read.IsCurrent);

        index.Add(Item("sea", "blue"));
        reads.Reads.Should().OnlyContain(read => read.IsCurrent, "another key changes neither answer");
        index.Add(Item("sky", "blue"));
        reads.Reads[0].IsCurrent.Should().BeFalse("the sky, not found before, is there now (keys compare as the index says)");
        reads.Reads[1].IsCurrent.Should().BeTrue();
    }

    [Test]
    public void A_listing_is_out_of_date_once_anything_is_stored()
    {
        var index = new ColourIndex();
        var reads = new LookupReads();
        using (reads.Record()) index.All().Should().BeEmpty();

        reads.Reads.Should().ContainSingle().Which.Key.Should().BeNull();
        reads.Reads[0].IsCurrent.Should().BeTrue();
        index.Add(Item("sea", "blue"));
        reads.Reads[0].IsCurrent.Should().BeFalse();
    }

    [Test]
    public void Nothing_is_recorded_outside_a_recording_and_after_it_ends()
    {
        var index = new ColourIndex();
        var reads = new LookupReads();
        index.Find("sky");
        using (reads.Record()) index.Find("sea");
        index.Find("grass");

        reads.Reads.Select(read => read.Key).Should().Equal("sea");
    }

    [Test]
    public async Task A_memoized_value_reports_the_reads_it_was_computed_from_to_every_caller()
    {
        var index = new ColourIndex();
        index.Add(Item("sky", "blue"));
        var memo = new RunMemo();
        Task<List<string>> ListAll(CancellationToken _) => Task.FromResult(index.All());

        var first = new LookupReads();
        using (first.Record()) (await memo.GetOrAddAsync("colours", ListAll, CancellationToken.None)).Should().Equal("blue");
        var second = new LookupReads();
        using (second.Record()) (await memo.GetOrAddAsync("colours", ListAll, CancellationToken.None)).Should().Equal("blue");

        first.Reads.Should().ContainSingle().Which.Version.Should().Be(1);
        second.Reads.Should().Equal(first.Reads, "the second caller got the value without reading the index, but rests on the same read");
    }

    private static ConfigurationItem Item(string id, string colour) => new()
    {
        ResourceType = ColourIndex.Type,
        ResourceId = id,
        ResourceName = colour,
    };

    public interface IColours;

    /// <summary>A minimal index: each item's name under its id, case-insensitively.</summary>
    private sealed class ColourIndex() : RelatedItemIndex<IColours>([Type], StringComparer.OrdinalIgnoreCase), IColours
    {
        public const string Type = "Test::Colour";

        private readonly Dictionary<string, string> _colours = new(StringComparer.OrdinalIgnoreCase);

        public override IColours Service => this;

        public override bool ReportsReads => true;

        public override void Add(ConfigurationItem item)
        {
            _colours[item.ResourceId] = item.ResourceName!;
            Stored(item.ResourceId);
        }

        public string? Find(string id)
        {
            Answered(id);
            return _colours.GetValueOrDefault(id);
        }

        public List<string> All()
        {
            AnsweredFromAll();
            return [.. _colours.Values];
        }
    }
}
