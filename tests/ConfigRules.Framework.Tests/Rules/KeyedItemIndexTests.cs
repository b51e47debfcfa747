using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Rules;

/// <summary>
/// A keyed index keeps one value per key of the live items of its type, the latest first-class: it skips what names
/// nothing, builds a "not in the input" note only when it gives one, and reports every answer with a version that a
/// resource recorded again as it was leaves unchanged.
/// </summary>
[TestFixture]
public sealed class KeyedItemIndexTests
{
    private const string Arn = "arn:test:pet/rex";

    [TestCase(ConfigurationItemStatus.ResourceDeleted)]
    [TestCase(ConfigurationItemStatus.ResourceDeletedNotRecorded)]
    [TestCase(ConfigurationItemStatus.ResourceNotRecorded)]
    public void Deleted_and_not_recorded_items_are_skipped(string status)
    {
        var index = new PetIndex(OfflineSource.RecordedItems);

        index.Add(Pet(Arn, "brown") with { Status = status });

        index.Count.Should().Be(0);
        index.VersionOf(null).Should().Be(0);
    }

    [Test]
    public void Items_without_a_configuration_of_another_type_or_naming_nothing_are_skipped()
    {
        var index = new PetIndex(OfflineSource.RecordedItems);

        index.Add(Pet(Arn, "brown") with { Configuration = default });
        index.Add(Pet(Arn, "brown") with { ResourceType = "Test::Plant" });
        index.Add(Pet(arn: null, "brown"));

        index.Count.Should().Be(0);
        index.VersionOf(Arn).Should().Be(0);
        index.Add(Pet(Arn, "brown") with { Status = ConfigurationItemStatus.ResourceDiscovered });
        index.Count.Should().Be(1, "a live item of the type with a key is kept");
    }

    [Test]
    public void A_later_item_with_the_same_key_replaces_the_earlier_one()
    {
        var index = new PetIndex(OfflineSource.RecordedItems);

        index.Add(Pet(Arn, "brown"));
        index.Add(Pet(Arn.ToUpperInvariant(), "black"));

        index.Count.Should().Be(1, "keys compare as the index says (here ignoring case)");
        index.Find(Arn, () => "not here").Value!.Colour.Should().Be("black");
        index.VersionOf(Arn).Should().Be(2);
        index.VersionOf(null).Should().Be(2);
    }

    [Test]
    public void Find_builds_the_not_in_input_note_only_when_the_key_is_missing()
    {
        var index = new PetIndex(OfflineSource.RecordedItems);
        index.Add(Pet(Arn, "brown"));
        var notes = 0;
        string Note()
        {
            notes++;
            return "The pet is not in the input.";
        }

        var found = index.Find(Arn, Note);
        notes.Should().Be(0);
        found.IsNotInInput.Should().BeFalse();
        found.Value.Should().BeEquivalentTo(new PetDetails("Rex", "brown", []));

        var missing = index.Find("arn:test:pet/fido", Note);
        notes.Should().Be(1);
        missing.NotInInputNote.Should().Be("The pet is not in the input.");
    }

    [Test]
    public void FindAll_gives_every_match_and_builds_its_note_only_when_none_matches()
    {
        var index = new PetIndex(OfflineSource.RecordedItems);
        index.Add(Pet(Arn, "brown"));
        index.Add(Pet("arn:test:pet/fido", "black"));
        index.Add(Pet("arn:test:pet/rover", "brown"));
        var notes = 0;
        string Note()
        {
            notes++;
            return "No such pet.";
        }

        index.FindAll(pet => pet.Colour == "brown", Note).Value.Should().HaveCount(2).And.OnlyContain(pet => pet.Colour == "brown");
        notes.Should().Be(0);
        index.FindAll(pet => pet.Colour == "white", Note).NotInInputNote.Should().Be("No such pet.");
        notes.Should().Be(1);
    }

    [Test]
    public void A_resource_recorded_again_as_it_was_changes_no_version_and_no_answer_given_before()
    {
        var index = new PetIndex(OfflineSource.RecordedItems);
        index.Add(Pet(Arn, "brown", "ball"));
        var reads = new LookupReads();
        using (reads.Record())
        {
            index.Find(Arn, () => "missing");
            index.FindAll(_ => true, () => "none");
        }

        index.Add(Pet(Arn, "brown", "ball"));

        index.VersionOf(Arn).Should().Be(1, "the toys are a new list, yet the same answer");
        index.VersionOf(null).Should().Be(1);
        reads.Reads.Should().HaveCount(2).And.OnlyContain(read => read.IsCurrent);

        index.Add(Pet(Arn, "brown", "ball", "bone"));
        index.VersionOf(Arn).Should().Be(2);
        reads.Reads.Should().OnlyContain(read => !read.IsCurrent, "the pet and the listing both changed");
    }

    [Test]
    public void By_default_a_value_equal_to_the_one_kept_is_the_same_answer()
    {
        var index = new ColourIndex();

        index.Add(Pet(Arn, "brown"));
        index.Add(Pet(Arn, "brown"));
        index.VersionOf("rex").Should().Be(1);

        index.Add(Pet(Arn, "black"));
        index.VersionOf("rex").Should().Be(2);
        index.VersionOf(null).Should().Be(2);
    }

    [Test]
    public void Every_answer_is_reported_with_its_key_and_version()
    {
        var index = new PetIndex(OfflineSource.RecordedItems);
        index.Add(Pet(Arn, "brown"));
        var reads = new LookupReads();

        using (reads.Record())
        {
            index.Find("arn:test:pet/fido", () => "missing");
            index.Find(Arn, () => "missing");
            index.FindAll(_ => false, () => "none");
        }

        index.ReportsReads.Should().BeTrue();
        reads.Reads.Select(read => (read.Key, read.Version)).Should().Equal(("arn:test:pet/fido", 0L), (Arn, 1L), (null, 1L));
    }

    [Test]
    public void The_source_says_where_a_missing_item_is_found()
    {
        var fromTemplate = new PetIndex(OfflineSource.Template);
        var fromRecords = new PetIndex(OfflineSource.RecordedItems);

        fromTemplate.FindPet(Arn).NotInInputNote.Should().Be($"The pet {Arn} is not defined by the template; evaluate the account's Test::Pet items to check it.");
        fromRecords.FindPet(Arn).NotInInputNote.Should().Be($"The pet {Arn} is not among the input's Test::Pet items; add its configuration item to check it.");
        fromTemplate.IsFromTemplate.Should().BeTrue();
        fromRecords.IsFromTemplate.Should().BeFalse();
    }

    [Test]
    public void The_index_serves_itself_and_refuses_to_serve_an_interface_it_does_not_implement()
    {
        var index = new PetIndex(OfflineSource.RecordedItems);
        var stranger = new StrangerIndex();

        index.Service.Should().BeSameAs(index);
        index.ServiceType.Should().Be<IPets>();
        var act = () => stranger.Service;
        act.Should().Throw<InvalidOperationException>().WithMessage("StrangerIndex must implement IPets to serve it.");
    }

    [Test]
    public void An_index_needs_a_source()
    {
        var act = () => new PetIndex(null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("source");
    }

    private static ConfigurationItem Pet(string? arn, string colour, params string[] toys)
    {
        var arnMember = arn is null ? "" : $"\"arn\": \"{arn}\", ";
        var toyList = string.Join(", ", toys.Select(toy => $"\"{toy}\""));
        using var document = JsonDocument.Parse($$"""{{{arnMember}}"name": "Rex", "colour": "{{colour}}", "toys": [{{toyList}}]}""");
        return new ConfigurationItem { ResourceType = PetIndex.Type, ResourceId = "rex", Configuration = document.RootElement.Clone() };
    }

    public interface IPets;

    public sealed record PetDetails(string Name, string Colour, IReadOnlyList<string> Toys);

    /// <summary>Pets by ARN, case-insensitively; the same name, colour and toys answer the same.</summary>
    private sealed class PetIndex(OfflineSource source)
        : KeyedItemIndex<IPets, PetDetails>(Type, source, StringComparer.OrdinalIgnoreCase), IPets
    {
        public const string Type = "Test::Pet";

        public bool IsFromTemplate => FromTemplate;

        public new LookupResult<PetDetails?> Find(string key, Func<string> note) => base.Find(key, note);

        public new LookupResult<IReadOnlyList<PetDetails>> FindAll(Func<PetDetails, bool> match, Func<string> note) => base.FindAll(match, note);

        public LookupResult<PetDetails?> FindPet(string arn) => Find(arn, () => $"The pet {arn} is not {Source.WhereToFind(Type)}.");

        protected override (string Key, PetDetails Value)? Read(ConfigurationItem item)
        {
            if (item.Configuration.GetStringOrNull("arn") is not { } arn) return null;
            var toys = item.Configuration.GetProperty("toys").EnumerateArray().Select(toy => toy.GetString()!).ToList();
            return (arn, new PetDetails(item.Configuration.GetStringOrNull("name")!, item.Configuration.GetStringOrNull("colour")!, toys));
        }

        protected override bool SameAnswer(PetDetails known, PetDetails read) =>
            known.Name == read.Name && known.Colour == read.Colour && known.Toys.SequenceEqual(read.Toys, StringComparer.Ordinal);
    }

    /// <summary>Colours by resource id, compared as the values they are (the default).</summary>
    private sealed class ColourIndex() : KeyedItemIndex<IPets, string>(PetIndex.Type, OfflineSource.RecordedItems, StringComparer.Ordinal), IPets
    {
        protected override (string Key, string Value)? Read(ConfigurationItem item) =>
            (item.ResourceId, item.Configuration.GetStringOrNull("colour")!);
    }

    /// <summary>An index declared for a service it does not implement.</summary>
    private sealed class StrangerIndex() : KeyedItemIndex<IPets, PetDetails>(PetIndex.Type, OfflineSource.RecordedItems, StringComparer.Ordinal)
    {
        protected override (string Key, PetDetails Value)? Read(ConfigurationItem item) => null;
    }
}
