using System.Text;
using System.Text.Json;
using ConfigRules.LambdaRuntime.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ConfigRules.Lambda.Tests.Runtime;

[TestFixture]
public sealed class RuntimeLoggerTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [Test]
    public void Writes_one_json_object_per_line_with_the_standard_fields()
    {
        using var output = new MemoryStream();
        var logger = new RuntimeLogger(output, new FakeTimeProvider(Now)).ForHandler("lambda-runtime-check").ForRequest("req-1");

        logger.Info("Evaluations posted", LogField.Of("evaluations", 120), LogField.Of("durationMs", TimeSpan.FromMilliseconds(12.34)),
            LogField.Of("leftScope", false), LogField.Of("resourceId", "my-function \"quoted\"\n"), LogField.Of("missing", null));

        var line = Lines(output).Single();
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        root.GetProperty("timestamp").GetString().Should().Be("2025-03-04T05:06:07.890Z");
        root.GetProperty("level").GetString().Should().Be("INFO");
        root.GetProperty("requestId").GetString().Should().Be("req-1");
        root.GetProperty("handler").GetString().Should().Be("lambda-runtime-check");
        root.GetProperty("message").GetString().Should().Be("Evaluations posted");
        root.GetProperty("evaluations").GetInt32().Should().Be(120);
        root.GetProperty("durationMs").GetDouble().Should().Be(12.3);
        root.GetProperty("leftScope").GetBoolean().Should().BeFalse();
        root.GetProperty("resourceId").GetString().Should().Be("my-function \"quoted\"\n");
        root.GetProperty("missing").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [TestCase("AWS_SECRET_ACCESS_KEY")]
    [TestCase("sessionToken")]
    [TestCase("resultToken")]
    [TestCase("Authorization")]
    [TestCase("signature")]
    [TestCase("X-Amz-Security-Token")]
    [TestCase("awsAccessKeyId")]
    public void Fields_named_like_secrets_are_redacted(string name)
    {
        using var output = new MemoryStream();
        var logger = new RuntimeLogger(output, new FakeTimeProvider(Now));

        logger.Warn("Calling AWS", LogField.Of(name, "AKIDSECRETVALUE"));

        var line = Lines(output).Single();
        line.Should().NotContain("AKIDSECRETVALUE");
        using var json = JsonDocument.Parse(line);
        json.RootElement.GetProperty(name).GetString().Should().Be(RuntimeLogger.Redacted);
    }

    [Test]
    public void Lines_below_the_minimum_level_are_dropped_and_exceptions_are_described()
    {
        using var output = new MemoryStream();
        var logger = new RuntimeLogger(output, new FakeTimeProvider(Now), LogLevels.Parse("warn"));

        logger.Info("quiet");
        logger.Error("loud", new InvalidOperationException("boom"));

        var line = Lines(output).Single();
        using var json = JsonDocument.Parse(line);
        json.RootElement.GetProperty("level").GetString().Should().Be("ERROR");
        json.RootElement.GetProperty("errorType").GetString().Should().Be("InvalidOperationException");
        json.RootElement.GetProperty("errorMessage").GetString().Should().Be("boom");
    }

    [TestCase(null, LogLevel.Info)]
    [TestCase("TRACE", LogLevel.Debug)]
    [TestCase("debug", LogLevel.Debug)]
    [TestCase("FATAL", LogLevel.Error)]
    [TestCase("nonsense", LogLevel.Info)]
    public void Reads_the_lambda_log_level(string? text, LogLevel expected) => LogLevels.Parse(text).Should().Be(expected);

    private static string[] Lines(MemoryStream output) =>
        Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
