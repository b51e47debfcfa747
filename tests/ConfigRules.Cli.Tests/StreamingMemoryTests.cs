using System.Text.Json;
using ConfigRules.Cli.Tests.Support;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>
/// evaluate streams: the published executable's peak resident set on a generated snapshot of 2,000 items and on one
/// of 200,000 items (about 100 times larger, some 150 MB) stays within a generous, fixed bound of each other.
/// A measurement outside the default run: generating and reading 150 MB twice takes minutes of the CI budget on
/// two cores (`dotnet test --filter TestCategory=Measurement` runs it).
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Measurement")]
[Explicit("A 150 MB peak-memory measurement of the published CLI: minutes long, run on demand.")]
public sealed class StreamingMemoryTests
{
    private const int SmallCount = 2_000;
    private const int LargeCount = 200_000;
    private const long AllowedGrowthKb = 48 * 1024;
    private const int Roles = 100;

    private string _folder = string.Empty;

    [OneTimeSetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("configrules-stream-").FullName;

    [OneTimeTearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Peak_memory_stays_flat_from_a_small_to_a_hundred_times_larger_input()
    {
        var small = Generate("small.json", SmallCount);
        var large = Generate("large.json", LargeCount);

        // The execution-role rule's items wait for the roles, which all come after them; SARIF lists only findings, and every item passes,
        // so the output stays small and the measurement is the reader's and the engine's.
        string[] options = ["--rule", "lambda-memory-size-check", "--rule", "lambda-execution-role-check", "--format", "sarif"];
        var smallRun = await CliProcess.RunAsync(new CliProcessOptions { MeasureMemory = true }, ["evaluate", small, .. options]);
        var largeRun = await CliProcess.RunAsync(new CliProcessOptions { MeasureMemory = true }, ["evaluate", large, .. options]);

        smallRun.ExitCode.Should().Be(0, smallRun.ToString());
        largeRun.ExitCode.Should().Be(0, largeRun.ToString());
        using (var sarif = largeRun.Json())
            sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("compliant").GetInt64().Should().Be(2L * LargeCount);

        smallRun.PeakRssKb.Should().NotBeNull("peak memory is measured with GNU time");
        largeRun.PeakRssKb.Should().NotBeNull();
        TestContext.Out.WriteLine($"input {new FileInfo(small).Length / 1024} KB -> peak RSS {smallRun.PeakRssKb} KB; " +
                                  $"input {new FileInfo(large).Length / 1024} KB -> peak RSS {largeRun.PeakRssKb} KB");
        largeRun.PeakRssKb!.Value.Should().BeLessThan(smallRun.PeakRssKb!.Value + AllowedGrowthKb,
            "memory must not grow with the input (the large input is about 100 times the small one)");
    }

    /// <summary>
    /// A snapshot file of functions sharing a hundred roles (an account's roles are bounded by IAM quotas, its
    /// functions and history are not), the role items all after the functions, the hardest order for one pass.
    /// </summary>
    private string Generate(string name, int functions)
    {
        var path = Path.Combine(_folder, name);
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("fileVersion", "1.0");
        writer.WriteString("configSnapshotId", "00000000-0000-4000-8000-000000000000");
        writer.WriteStartArray("configurationItems");
        for (var i = 0; i < functions; i++)
        {
            WriteFunction(writer, i);
            if (writer.BytesPending > 1 << 16) writer.Flush();
        }
        for (var i = 0; i < Roles; i++) WriteRole(writer, i);
        writer.WriteEndArray();
        writer.WriteEndObject();
        return path;
    }

    private static void WriteFunction(Utf8JsonWriter writer, int i)
    {
        var name = $"function-{i:D7}";
        writer.WriteStartObject();
        writer.WriteString("configurationItemVersion", "1.3");
        writer.WriteString("configurationItemCaptureTime", "2026-01-15T10:00:00.000Z");
        writer.WriteString("awsAccountId", "123456789012");
        writer.WriteString("configurationItemStatus", "OK");
        writer.WriteString("resourceType", "AWS::Lambda::Function");
        writer.WriteString("resourceId", name);
        writer.WriteString("resourceName", name);
        writer.WriteString("ARN", $"arn:aws:lambda:us-east-1:123456789012:function:{name}");
        writer.WriteString("awsRegion", "us-east-1");
        writer.WriteStartObject("configuration");
        writer.WriteString("functionName", name);
        writer.WriteString("runtime", "python3.13");
        writer.WriteString("handler", "app.handler");
        writer.WriteNumber("codeSize", 4096 + i % 1000);
        writer.WriteNumber("memorySize", 128 * (1 + i % 8));
        writer.WriteNumber("timeout", 1 + i % 300);
        writer.WriteString("role", $"arn:aws:iam::123456789012:role/role-{i % Roles:D7}");
        writer.WriteString("packageType", "Zip");
        writer.WriteString("description", "A generated function for the streaming test, with some text to make items realistic in size.");
        writer.WriteEndObject();
        writer.WriteStartObject("supplementaryConfiguration");
        writer.WriteStartObject("Concurrency");
        writer.WriteNumber("reservedConcurrentExecutions", 5);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRole(Utf8JsonWriter writer, int i)
    {
        var name = $"role-{i:D7}";
        writer.WriteStartObject();
        writer.WriteString("configurationItemCaptureTime", "2026-01-15T09:00:00.000Z");
        writer.WriteString("configurationItemStatus", "OK");
        writer.WriteString("resourceType", "AWS::IAM::Role");
        writer.WriteString("resourceId", $"AROA{i:D12}");
        writer.WriteString("resourceName", name);
        writer.WriteStartObject("configuration");
        writer.WriteString("roleName", name);
        writer.WriteString("arn", $"arn:aws:iam::123456789012:role/{name}");
        writer.WriteStartArray("attachedManagedPolicies");
        writer.WriteStartObject();
        writer.WriteString("policyArn", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
