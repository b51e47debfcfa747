using System.Text;
using System.Text.Json;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Input;
using ConfigRules.Cli.Reporting;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Engine;

/// <summary>
/// The one-pass parallel evaluation: the same findings as judging item by item with every related item known
/// beforehand, in an order that does not depend on the number of workers or their timing, with related items
/// found wherever they come.
/// </summary>
[TestFixture]
public sealed class ParallelEvaluationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Findings_are_those_of_item_by_item_evaluation_with_related_items_known_first()
    {
        var inputs = new[] { ("functions.json", Functions(0, 600, roles: 7)), ("roles.json", Roles(7)) };
        var parallel = Evaluations(RunParallel(inputs, workers: 3));
        var sequential = Evaluations(RunSequential(inputs));

        // The same findings; only their order differs (those of rules with lookups come after the others).
        Sorted(parallel).Should().Equal(Sorted(sequential));
        parallel.Should().Contain(e => e.Rule == "lambda-execution-role-check" && e.Compliance == "NON_COMPLIANT",
            "the admin role, which comes after its functions, is found and judged");
        parallel.Where(e => e.Rule == "lambda-execution-role-check").Should()
            .NotContain(e => e.Annotation.Contains("is not among the input's", StringComparison.Ordinal));
    }

    [Test]
    public void The_report_is_the_same_whatever_the_number_of_workers()
    {
        var inputs = new[] { ("a.json", Functions(0, 900, roles: 5)), ("roles.json", Roles(5)), ("b.json", Functions(900, 400, roles: 5)) };
        var one = RunParallel(inputs, workers: 1);
        RunParallel(inputs, workers: 4).Should().Be(one);
        RunParallel(inputs, workers: 2).Should().Be(one);
    }

    [Test]
    public void Each_rule_reports_its_items_in_input_order()
    {
        var output = RunParallel([("functions.json", Functions(0, 500, roles: 3)), ("roles.json", Roles(3))], workers: 3);
        foreach (var rule in Evaluations(output).GroupBy(e => e.Rule))
            rule.Select(e => e.Resource).Should().Equal(Enumerable.Range(0, 500).Select(i => $"fn-{i:D5}"), rule.Key);
    }

    [Test]
    public void A_broken_input_stops_where_it_breaks_and_the_others_are_read()
    {
        var broken = Encoding.UTF8.GetString(Functions(0, 50, roles: 1));
        broken = broken[..(broken.Length / 2)];
        var (output, problems, _, _, _) = Run([("broken.json", Encoding.UTF8.GetBytes(broken)), ("good.json", Functions(50, 20, roles: 1))], workers: 2);
        problems.Should().ContainSingle().Which.File.Should().Be("broken.json");
        Evaluations(output).Select(e => e.Resource).Should().Contain("fn-00069");
    }

    [Test]
    public void Items_whose_related_items_came_first_are_judged_ahead_and_not_read_again()
    {
        var inputs = new[] { ("roles.json", Roles(4)), ("functions.json", Functions(0, 300, roles: 4)) };
        var run = Run(inputs, workers: 2);

        Sorted(Evaluations(run.Output)).Should().Equal(Sorted(Evaluations(RunSequential(inputs))));
        run.Waited.Should().Be(300, "every function waits for its role and the account's alarms");
        run.KeptAhead.Should().Be(300, "every role was known when its functions were read, and no alarm came later");
    }

    [Test]
    public void A_role_recorded_again_with_other_policies_after_its_functions_has_them_judged_again()
    {
        // Recorded again later: role-0 without AdministratorAccess, role-3 with it (the last configuration wins);
        // role-1 and role-2 again as they were, which changes no answer.
        var inputs = new[] { ("roles.json", Roles(4)), ("functions.json", Functions(0, 200, roles: 4)), ("later.json", Roles(4, admin: 3)) };
        var run = Run(inputs, workers: 2);

        var evaluations = Evaluations(run.Output);
        Sorted(evaluations).Should().Equal(Sorted(Evaluations(RunSequential(inputs))));
        evaluations.Should().Contain(e => e.Rule == "lambda-execution-role-check" && e.Resource == "fn-00003" && e.Compliance == "NON_COMPLIANT");
        evaluations.Should().Contain(e => e.Rule == "lambda-execution-role-check" && e.Resource == "fn-00000" && e.Compliance == "COMPLIANT");
        run.KeptAhead.Should().Be(101, "the 50 functions each of role-1 and role-2 keep their findings, and fn-00199 of role-3, deleted, " +
            "whose NOT_APPLICABLE read no role; the other functions of role-0 and role-3 are judged again");
    }

    [Test]
    public void A_report_that_keeps_findings_themselves_judges_waiting_items_at_the_end()
    {
        var inputs = new[] { ("roles.json", Roles(4)), ("functions.json", Functions(0, 120, roles: 4)) };
        var json = Run(inputs, workers: 2);
        var sarif = Run(inputs, workers: 2, output => new SarifReporter(output));

        sarif.KeptAhead.Should().Be(0);
        sarif.Waited.Should().Be(120);
        sarif.Summary.Should().Be(json.Summary);
    }

    private static string RunParallel((string Name, byte[] Json)[] inputs, int workers) => Run(inputs, workers).Output;

    private sealed record RunResult(string Output, List<InputProblem> Problems, long Waited, long KeptAhead, FindingCounts Summary);

    private static RunResult Run((string Name, byte[] Json)[] inputs, int workers, Func<Stream, IReporter>? format = null)
    {
        var rules = Catalog();
        using var related = new RelatedItems(rules, OfflineSource.RecordedItems);
        var engine = new EvaluationEngine(rules, new RuleContext(Now, related.Services));
        var output = new MemoryStream();
        List<InputProblem> problems;
        long waited, kept;
        using (var reporter = (format ?? (stream => new JsonReporter(stream)))(output))
        {
            reporter.Begin(rules);
            using var evaluation = new ParallelEvaluation(engine, related, reporter, workers);
            problems = evaluation.Run([.. inputs.Select(input => new JsonInput(input.Name, () =>
            {
                var stream = new MemoryStream(input.Json);
                return new OpenedInput(stream, stream);
            }, input.Json.Length))], CancellationToken.None);
            (waited, kept) = (evaluation.Waited, evaluation.KeptAhead);
            reporter.Complete(engine.Summary);
        }
        return new RunResult(Encoding.UTF8.GetString(output.ToArray()), problems, waited, kept, engine.Summary.Counts);
    }

    /// <summary>The reference: related items fed first, then every item judged by every rule on one thread.</summary>
    private static string RunSequential((string Name, byte[] Json)[] inputs)
    {
        var rules = Catalog();
        using var related = new RelatedItems(rules, OfflineSource.RecordedItems);
        var items = inputs.SelectMany(input => Read(input.Name, input.Json)).ToList();
        foreach (var item in items) related.Add(item);
        var engine = new EvaluationEngine(rules, new RuleContext(Now, related.Services));
        var output = new MemoryStream();
        using (var reporter = new JsonReporter(output))
        {
            reporter.Begin(rules);
            foreach (var item in items) engine.EvaluateAsync(item, null, reporter, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            reporter.Complete(engine.Summary);
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static IEnumerable<ConfigurationItem> Read(string name, byte[] json)
    {
        var reader = new ConfigurationItemStreamReader(new MemoryStream(json), name);
        while (reader.TryReadNext(out var read)) yield return read.Item!;
    }

    private static List<SelectedRule> Catalog() =>
        [.. RuleCatalog.All.Select(rule => new SelectedRule(rule, rule.ParseParameters(new Dictionary<string, string>()), new Dictionary<string, string>()))];

    private static List<Evaluation> Sorted(List<Evaluation> evaluations) =>
        [.. evaluations.OrderBy(e => e.Rule, StringComparer.Ordinal).ThenBy(e => e.Resource, StringComparer.Ordinal)];

    private sealed record Evaluation(string Rule, string Resource, string Compliance, string Annotation);

    private static List<Evaluation> Evaluations(string output)
    {
        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.GetProperty("evaluations").EnumerateArray().Select(e => new Evaluation(
            e.GetProperty("configRuleName").GetString()!, e.GetProperty("complianceResourceId").GetString()!,
            e.GetProperty("complianceType").GetString()!, e.GetProperty("annotation").GetString() ?? ""))];
    }

    /// <summary>A snapshot of functions, each with one of <paramref name="roles"/> execution roles (role 0 has AdministratorAccess).</summary>
    private static byte[] Functions(int first, int count, int roles) => Snapshot(writer =>
    {
        for (var i = first; i < first + count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "AWS::Lambda::Function");
            writer.WriteString("resourceId", $"fn-{i:D5}");
            writer.WriteString("awsAccountId", "111122223333");
            writer.WriteString("awsRegion", "eu-west-1");
            writer.WriteString("configurationItemCaptureTime", "2026-10-01T08:00:00.000Z");
            writer.WriteString("configurationItemStatus", i % 97 == 5 ? "ResourceDeleted" : "OK");
            writer.WriteStartObject("configuration");
            writer.WriteString("functionName", $"fn-{i:D5}");
            writer.WriteString("runtime", i % 3 == 0 ? "python3.7" : "python3.13");
            writer.WriteString("handler", "app.handler");
            writer.WriteString("role", $"arn:aws:iam::111122223333:role/role-{i % roles}");
            writer.WriteNumber("timeout", i % 2 == 0 ? 30 : 900);
            writer.WriteNumber("memorySize", 512);
            writer.WriteNumber("codeSize", 1024);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    });

    /// <summary>Roles role-0 ... : <paramref name="admin"/> has AdministratorAccess attached, the others nothing.</summary>
    private static byte[] Roles(int count, int admin = 0) => Snapshot(writer =>
    {
        for (var i = 0; i < count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "AWS::IAM::Role");
            writer.WriteString("resourceId", $"AROA{i}");
            writer.WriteString("awsAccountId", "111122223333");
            writer.WriteString("awsRegion", "global");
            writer.WriteStartObject("configuration");
            writer.WriteString("roleName", $"role-{i}");
            writer.WriteString("arn", $"arn:aws:iam::111122223333:role/role-{i}");
            writer.WriteStartArray("attachedManagedPolicies");
            if (i == admin)
            {
                writer.WriteStartObject();
                writer.WriteString("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    });

    private static byte[] Snapshot(Action<Utf8JsonWriter> items)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("fileVersion", "1.0");
            writer.WriteStartArray("configurationItems");
            items(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
