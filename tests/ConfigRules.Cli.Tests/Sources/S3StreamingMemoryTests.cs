using System.Text.Json;
using ConfigRules.Cli.Tests.Support;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Sources;

/// <summary>
/// An s3:// object is streamed, never downloaded whole: the published executable's peak resident set reading a
/// 50 MB object from the loopback S3 stays within a few MB of reading the same bytes from a local file (holding
/// the object would add its 50 MB). A measurement outside the default run (`dotnet test --filter TestCategory=Measurement`).
/// </summary>
[TestFixture]
[NonParallelizable]
[Category("Measurement")]
[Explicit("A peak-memory measurement of the published CLI reading a 50 MB S3 object: run on demand.")]
public sealed class S3StreamingMemoryTests
{
    private const int Count = 100_000;
    private const long AllowedExtraKb = 16 * 1024;

    [Test]
    public async Task Reading_from_S3_takes_no_more_memory_than_reading_the_same_file()
    {
        await using var aws = LoopbackAwsServer.Start();
        var content = Snapshot(Count);
        aws.S3.PutObject("config-bucket", "large.json", content);
        var local = Path.Combine(Path.GetTempPath(), $"configrules-s3-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(local, content);
        string[] rules = ["--rule", "lambda-memory-size-check", "--format", "sarif"];
        var options = AwsTestAccount.Options(aws) with { MeasureMemory = true };
        try
        {
            var fileRun = await CliProcess.RunAsync(options, ["evaluate", local, .. rules]);
            var s3Run = await CliProcess.RunAsync(options, ["evaluate", "s3://config-bucket/large.json", .. rules]);

            fileRun.ExitCode.Should().Be(0, fileRun.ToString());
            s3Run.ExitCode.Should().Be(0, s3Run.ToString());
            using (var sarif = s3Run.Json())
                sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("compliant").GetInt64().Should().Be(Count);
            fileRun.PeakRssKb.Should().NotBeNull("peak memory is measured with /usr/bin/time or /proc/<pid>/status");
            s3Run.PeakRssKb.Should().NotBeNull();
            TestContext.Out.WriteLine($"{content.Length / 1024} KB: peak RSS {fileRun.PeakRssKb} KB from a file, {s3Run.PeakRssKb} KB from S3");
            s3Run.PeakRssKb!.Value.Should().BeLessThan(fileRun.PeakRssKb!.Value + AllowedExtraKb,
                "the object is read as it arrives, not held whole");
        }
        finally
        {
            File.Delete(local);
        }
    }

    private static byte[] Snapshot(int functions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("fileVersion", "1.0");
            writer.WriteStartArray("configurationItems");
            for (var i = 0; i < functions; i++)
            {
                var name = $"function-{i:D7}";
                writer.WriteStartObject();
                writer.WriteString("configurationItemCaptureTime", "2026-01-15T10:00:00.000Z");
                writer.WriteString("awsAccountId", "123456789012");
                writer.WriteString("configurationItemStatus", "OK");
                writer.WriteString("resourceType", "AWS::Lambda::Function");
                writer.WriteString("resourceId", name);
                writer.WriteString("ARN", $"arn:aws:lambda:us-east-1:123456789012:function:{name}");
                writer.WriteString("awsRegion", "us-east-1");
                writer.WriteStartObject("configuration");
                writer.WriteString("functionName", name);
                writer.WriteString("runtime", "python3.13");
                writer.WriteNumber("memorySize", 128 * (1 + i % 8));
                writer.WriteString("description", "A generated function for the S3 streaming test, with some text to make items realistic in size and more.");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
