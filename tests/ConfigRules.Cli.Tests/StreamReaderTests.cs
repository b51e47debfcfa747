using System.Text;
using ConfigRules.Cli.Input;
using ConfigRules.Cli.Tests.Support;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>The streaming reader in-process: same items however the bytes arrive, lines, shapes and broken JSON.</summary>
[TestFixture]
public sealed class StreamReaderTests
{
    [TestCaseSource(typeof(Fixtures), nameof(Fixtures.TwoFunctionShapes))]
    public void A_trickling_stream_gives_the_same_items_and_lines(string file)
    {
        var bytes = File.ReadAllBytes(Fixtures.Input(file));
        var whole = Read(new MemoryStream(bytes));
        var trickled = Read(new TrickleStream(bytes));

        whole.Select(i => i.ResourceId).Should().BeEquivalentTo(["fn-small", "fn-huge"]);
        trickled.Select(i => (i.ResourceId, i.Source!.Line)).Should().Equal(whole.Select(i => (i.ResourceId, i.Source!.Line)));
    }

    [Test]
    public void Items_name_the_line_they_start_on()
    {
        var items = Read(new MemoryStream(File.ReadAllBytes(Fixtures.Input("items.ndjson"))));
        items.Select(i => i.Source!.Line).Should().Equal(1, 2);

        var snapshot = Read(new MemoryStream(File.ReadAllBytes(Fixtures.Input("snapshot.json"))));
        var lines = File.ReadAllLines(Fixtures.Input("snapshot.json"));
        foreach (var item in snapshot)
            lines[item.Source!.Line!.Value - 1].Trim().Should().Be("{", $"{item.ResourceId} starts an object on its line");
    }

    [Test]
    public void A_byte_order_mark_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(File.ReadAllBytes(Fixtures.Input("array.json"))).ToArray();
        Read(new MemoryStream(bytes)).Should().HaveCount(2);
    }

    [Test]
    public void A_cut_short_file_is_an_error_with_its_line()
    {
        var text = File.ReadAllText(Fixtures.Input("snapshot.json"));
        var cut = text[..(text.Length / 2)];
        var act = () => Read(new MemoryStream(Encoding.UTF8.GetBytes(cut)));
        act.Should().Throw<InputException>().Which.Problem.Line.Should().BeGreaterThan(1);
    }

    [Test]
    public void A_scalar_document_is_refused_with_what_was_expected()
    {
        var act = () => Read(new MemoryStream("\n\n42\n"u8.ToArray()));
        act.Should().Throw<InputException>().Which.Problem.Should().Be(new InputProblem("test.json", 3,
            "expected a configuration item, an array of items or an AWS CLI output document, found a number"));
    }

    [Test]
    public void Unrelated_top_level_properties_are_skipped_around_the_items()
    {
        const string json = """{"fileVersion":"1.0","deep":{"a":[1,{"b":"configurationItems"}]},"configurationItems":[{"resourceType":"AWS::Lambda::Function","resourceId":"b1","configuration":{}}],"nextToken":"x"}""";
        Read(new TrickleStream(Encoding.UTF8.GetBytes(json))).Select(i => i.ResourceId).Should().Equal("b1");
    }

    private static List<ConfigRules.Framework.Model.ConfigurationItem> Read(Stream stream)
    {
        var reader = new ConfigurationItemStreamReader(stream, "test.json");
        var items = new List<ConfigRules.Framework.Model.ConfigurationItem>();
        while (reader.TryReadNext(out var read))
        {
            read.Problem.Should().BeNull();
            if (read.Item!.ResourceType == "AWS::Lambda::Function") items.Add(read.Item);
        }
        return items;
    }

    /// <summary>Returns 1 to 7 bytes per read, so every token boundary falls across a refill somewhere.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int _next;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, (_next++ % 7) + 1));
    }
}
