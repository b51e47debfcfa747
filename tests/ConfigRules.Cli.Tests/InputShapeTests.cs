using System.IO.Compression;
using ConfigRules.Cli.Tests.Support;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>evaluate in-process with the tests' own rules: every input shape, gzip, stdin, folders, related roles, errors.</summary>
[TestFixture]
public sealed class InputShapeTests
{
    [TestCaseSource(typeof(Fixtures), nameof(Fixtures.TwoFunctionShapes))]
    public async Task Each_shape_yields_both_functions(string file)
    {
        var run = await InProcessCli.RunAsync("evaluate", Fixtures.Input(file), "--rule", "test-memory-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Evaluations().Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("test-memory-check", "fn-small")] = "COMPLIANT",
            [("test-memory-check", "fn-huge")] = "NON_COMPLIANT",
        });
        run.StandardError.Should().BeEmpty();
    }

    [Test]
    public async Task One_item_alone_is_read()
    {
        var run = await InProcessCli.RunAsync("evaluate", Fixtures.Input("one-item.json"), "--rule", "test-memory-check", "--format", "json");
        run.Evaluations().Should().ContainSingle().Which.Value.Should().Be("NON_COMPLIANT");
        run.Annotation("test-memory-check", "fn-huge").Should().Be("Memory 4096 MB exceeds 1024 MB.");
    }

    [Test]
    public async Task Gzip_is_recognised_by_its_bytes_not_its_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"configrules-{Guid.NewGuid():N}.data");
        try
        {
            await using (var target = File.Create(path))
            await using (var gzip = new GZipStream(target, CompressionLevel.Fastest))
            await using (var source = File.OpenRead(Fixtures.Input("snapshot.json")))
                await source.CopyToAsync(gzip);

            var run = await InProcessCli.RunAsync("evaluate", path, "--rule", "test-memory-check", "--format", "json");
            run.Evaluations()[("test-memory-check", "fn-huge")].Should().Be("NON_COMPLIANT", run.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Stdin_is_read_with_a_dash()
    {
        var run = await InProcessCli.RunAsync(TestRules.All, await File.ReadAllTextAsync(Fixtures.Input("items.ndjson")),
            "evaluate", "-", "--rule", "test-memory-check", "--format", "json");
        run.Evaluations().Should().HaveCount(2, run.ToString());
    }

    [Test]
    public async Task Roles_are_found_wherever_they_are_in_the_input()
    {
        // snapshot.json: fn-small before its role app-role; fn-huge's admin-role is in roles/global-roles.json, read later.
        var run = await InProcessCli.RunAsync("evaluate", Fixtures.Input("snapshot.json"), Fixtures.Input("roles"), "--rule", "test-role-check", "--format", "json");

        run.Evaluations().Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("test-role-check", "fn-small")] = "COMPLIANT",
            [("test-role-check", "fn-huge")] = "NON_COMPLIANT",
        }, run.ToString());
    }

    [Test]
    public async Task A_role_missing_from_the_input_is_not_applicable_never_missing()
    {
        var run = await InProcessCli.RunAsync("evaluate", Fixtures.Input("snapshot.json"), "--rule", "test-role-check", "--format", "json");

        run.Evaluations()[("test-role-check", "fn-huge")].Should().Be("NOT_APPLICABLE");
        run.Annotation("test-role-check", "fn-huge").Should().Contain("arn:aws:iam::123456789012:role/admin-role").And.Contain("not among the input's AWS::IAM::Role items");
    }

    [Test]
    public async Task A_folder_is_read_recursively()
    {
        var run = await InProcessCli.RunAsync("evaluate", Path.Combine(Fixtures.Root, "inputs"), "--rule", "test-memory-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        using var document = run.Json();
        // 7 files with fn-small and fn-huge each, except one-item.json with fn-huge only; roles are not functions.
        document.RootElement.GetProperty("summary").GetProperty("NON_COMPLIANT").GetInt32().Should().Be(7);
        document.RootElement.GetProperty("summary").GetProperty("COMPLIANT").GetInt32().Should().Be(6);
    }

    [Test]
    public async Task A_missing_file_is_an_input_error_naming_it()
    {
        var run = await InProcessCli.RunAsync("evaluate", "no/such/file.json", "--format", "json");
        run.ExitCode.Should().Be(2);
        run.StandardError.Should().Contain("no/such/file.json: no such file or folder.");
    }

    [Test]
    public async Task Invalid_json_names_file_and_line_and_the_good_files_still_count()
    {
        var broken = Fixtures.File("broken.json");
        var run = await InProcessCli.RunAsync("evaluate", broken, Fixtures.Input("one-item.json"), "--rule", "test-memory-check", "--format", "json");

        run.ExitCode.Should().Be(2);
        run.StandardError.Should().Contain($"{broken}:7: invalid JSON");
        run.Evaluations().Should().ContainKey(("test-memory-check", "fn-huge"));
    }

    [Test]
    public async Task An_item_without_a_resource_id_is_reported_with_its_line_and_reading_goes_on()
    {
        const string ndjson = """
            {"resourceType":"AWS::Lambda::Function","resourceId":"first","configuration":{"memorySize":128}}
            {"resourceType":"AWS::Lambda::Function","configuration":{"memorySize":128}}
            {"resourceType":"AWS::Lambda::Function","resourceId":"third","configuration":{"memorySize":2048}}
            """;
        var run = await InProcessCli.RunAsync(TestRules.All, ndjson, "evaluate", "-", "--rule", "test-memory-check", "--format", "json");

        run.ExitCode.Should().Be(2);
        run.StandardError.Should().Contain("stdin:2: The configuration item has no resourceId");
        run.Evaluations().Keys.Select(k => k.Resource).Should().Equal("first", "third");
    }

    [Test]
    public async Task An_unknown_rule_is_a_usage_error_listing_the_known_ones()
    {
        var run = await InProcessCli.RunAsync("evaluate", "--rule", "no-such-rule");
        run.ExitCode.Should().Be(2);
        run.StandardError.Should().Contain("Unknown rule 'no-such-rule' in --rule: known rules are test-memory-check, test-role-check, test-endpoint-check.");
    }

    [Test]
    public async Task Params_override_defaults()
    {
        var run = await InProcessCli.RunAsync("evaluate", Fixtures.Input("array.json"), "--rule", "test-memory-check", "--param", "test-memory-check.maxMemory=8192", "--format", "json");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Evaluations().Values.Should().AllBe("COMPLIANT");
    }

    [Test]
    public async Task A_bad_param_value_names_the_parameter_and_what_it_accepts()
    {
        var run = await InProcessCli.RunAsync("evaluate", Fixtures.Input("array.json"), "--param", "test-memory-check.maxMemory=lots");
        run.ExitCode.Should().Be(2);
        run.StandardError.Should().Contain("maxMemory").And.Contain("a whole number of at least 128");
    }

    [Test]
    public async Task Now_is_the_ordering_timestamp_of_items_without_a_capture_time()
    {
        var run = await InProcessCli.RunAsync("evaluate", Fixtures.Input("select-resource-config.json"), "--rule", "test-memory-check", "--format", "json", "--now", "2030-05-06T07:08:09Z");
        using var document = run.Json();
        document.RootElement.GetProperty("evaluations").EnumerateArray()
            .Select(e => e.GetProperty("orderingTimestamp").GetString()).Should().AllBe("2030-05-06T07:08:09.000Z");
    }

    [Test]
    public async Task A_pack_selects_rules_and_fills_parameters_from_its_defaults()
    {
        var pack = Path.Combine(Path.GetTempPath(), $"configrules-pack-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(pack, """
            Parameters:
              TestMemoryCheckParamMaxMemory:
                Type: String
                Default: '8192'
            Resources:
              MemoryRule:
                Type: AWS::Config::ConfigRule
                Properties:
                  ConfigRuleName: test-memory-check
                  InputParameters:
                    maxMemory: !Ref TestMemoryCheckParamMaxMemory
                  Source: { Owner: CUSTOM_LAMBDA, SourceIdentifier: !Sub 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:test-memory-check' }
            """);
        try
        {
            var run = await InProcessCli.RunAsync("evaluate", Fixtures.Input("array.json"), "--pack", pack, "--format", "json");
            run.ExitCode.Should().Be(0, run.ToString());
            run.Evaluations().Keys.Select(k => k.Rule).Should().AllBe("test-memory-check");
        }
        finally
        {
            File.Delete(pack);
        }
    }
}
