using System.Text.Json;
using ConfigRules.Rules.LambdaRuntime;
using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Rules.Tests.LambdaRuntime;

public class RuntimeTableTests
{
    private static RuntimeTable Table => RuntimeTable.Embedded;

    [Test]
    public void The_embedded_table_loads_with_its_checked_date()
    {
        Table.Entries.Should().HaveCountGreaterThan(40);
        Table.CheckedOn.Should().NotBeNull("the header must say when the table was last checked against AWS");
    }

    [Test]
    public void The_file_header_names_its_source()
    {
        var lines = File.ReadAllLines(RepositoryPaths.InRepo("rules", "lambda-runtime-check", RuntimeTable.FileName));
        lines.Should().Contain(line => line.StartsWith("# Source:", StringComparison.Ordinal) && line.Contains("docs.aws.amazon.com/lambda", StringComparison.Ordinal));
        lines.Should().Contain(line => line.StartsWith("# Checked:", StringComparison.Ordinal));
    }

    [Test]
    public void Identifiers_are_unique_and_well_formed()
    {
        Table.Entries.Select(e => e.Identifier).Should().OnlyHaveUniqueItems();
        Table.Entries.Should().OnlyContain(e => RuntimeIdentifier.IsWellFormed(e.Identifier));
    }

    [Test]
    public void Every_successor_exists_and_lasts_at_least_as_long_as_the_runtime_it_replaces()
    {
        foreach (var entry in Table.Entries.Where(e => e.Successor is not null))
        {
            Table.TryFind(entry.Successor!, out var successor).Should().BeTrue($"{entry.Identifier}'s successor {entry.Successor} must be in the table");
            successor.Successor.Should().BeNull($"{entry.Identifier} should point at the newest runtime of its family, not at {successor.Identifier}");
            if (entry.Deprecation is { } deprecated && successor.Deprecation is { } successorDeprecated)
                successorDeprecated.Should().BeOnOrAfter(deprecated, $"{successor.Identifier} replaces {entry.Identifier}");
        }
    }

    [Test]
    public void Block_dates_are_ordered_sensibly()
    {
        foreach (var entry in Table.Entries)
        {
            if (entry.BlockCreate is { } create && entry.BlockUpdate is { } update)
                update.Should().BeOnOrAfter(create, $"{entry.Identifier}: updates are blocked no earlier than creation");
            // Blocks may precede deprecation (AWS blocked nodejs4.3-edge a year early), so only the two blocks are ordered.
            if (entry.Deprecation is null)
                (entry.BlockCreate, entry.BlockUpdate).Should().Be((null, null), $"{entry.Identifier}: block dates without a deprecation date make no sense");
        }
    }

    [Test]
    public void Runtimes_still_supported_at_the_checked_date_have_no_successor_or_a_newer_one()
    {
        var checkedOn = Table.CheckedOn!.Value;
        var current = Table.Entries.Where(e => !e.IsDeprecatedOn(checkedOn)).Select(e => e.Identifier).ToArray();
        current.Should().Contain(["python3.14", "nodejs24.x", "java25", "dotnet10", "provided.al2023", "ruby4.0"]);
    }

    [Test]
    public void A_known_published_date_is_read_exactly()
    {
        Table.TryFind("python3.8", out var python38).Should().BeTrue();
        python38.Deprecation.Should().Be(new DateOnly(2024, 10, 14));
        python38.Successor.Should().Be("python3.14");
    }

    [Test, Category(ReferenceKit.Category)]
    public void Every_runtime_in_the_cfn_lint_lifecycle_table_is_known()
    {
        var path = ReferenceKit.Require("reference", "lambda-runtime-lifecycle.cfn-lint.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var unknown = document.RootElement.EnumerateObject()
            .Select(p => p.Name)
            .Where(id => !Table.TryFind(id, out _))
            .ToArray();
        unknown.Should().BeEmpty("every runtime identifier cfn-lint knows must be in our table");
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var successor = property.Value.GetProperty("successor").GetString()!;
            Table.TryFind(successor, out _).Should().BeTrue($"cfn-lint's successor {successor} must be known too");
        }
    }

    private const string ValidHeader = "# Checked: 2026-01-02\n" + RuntimeTable.Header + "\n";

    [TestCase("python3.8,Python 3.8,2024-10-14,,,python3.14\npython3.14,Python 3.14,,,,", TestName = "valid")]
    public void A_small_table_parses(string rows)
    {
        var table = RuntimeTable.Parse(ValidHeader + rows, "test.csv");
        table.CheckedOn.Should().Be(new DateOnly(2026, 1, 2));
        table.Entries.Should().HaveCount(2);
        table.TryFind("python3.14", out var latest).Should().BeTrue();
        latest.Deprecation.Should().BeNull();
    }

    [TestCase("python3.8,Python 3.8,2024-13-14,,,", 3, "deprecation '2024-13-14' is not a date")]
    [TestCase("python3.8,Python 3.8,14/10/2024,,,", 3, "expected yyyy-MM-dd")]
    [TestCase("python3.8,Python 3.8,2024-10-14,,", 3, "expected 6 comma-separated fields")]
    [TestCase("python3.8,Python 3.8,,,,\npython3.8,Python 3.8,,,,", 4, "listed twice (first on line 3)")]
    [TestCase("python3.8,Python 3.8,,,,python9", 3, "successor 'python9' of 'python3.8' is not a runtime in the table")]
    [TestCase("Python3.8,Python 3.8,,,,", 3, "identifier 'Python3.8' is not a runtime identifier")]
    [TestCase("python3.8,\"Python, 3.8\",,,,", 3, "quoted fields are not supported")]
    [TestCase("python3.8,,,,,", 3, "has no name")]
    public void A_malformed_row_is_reported_with_its_line(string rows, int line, string message)
    {
        var parse = () => RuntimeTable.Parse(ValidHeader + rows, "test.csv");
        parse.Should().Throw<RuntimeTableFormatException>()
            .Where(e => e.LineNumber == line)
            .WithMessage($"test.csv line {line}: *{message}*");
    }

    [TestCase("python3.8,Python 3.8,,,,", "expected the header row")]
    [TestCase("# only comments", "has no header row")]
    [TestCase(RuntimeTable.Header, "lists no runtimes")]
    [TestCase("# Checked: soon\n" + RuntimeTable.Header, "'# Checked:' date 'soon' is not a date")]
    public void A_table_without_header_or_rows_is_refused(string text, string message)
    {
        var parse = () => RuntimeTable.Parse(text, "test.csv");
        parse.Should().Throw<RuntimeTableFormatException>().WithMessage($"test.csv line *{message}*");
    }
}
