using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConfigRules.Reliability.Tests.FaultInjection;
using ConfigRules.Reliability.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;
using FluentAssertions;
using FluentAssertions.Execution;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.Security;

/// <summary>
/// What the published bootstrap writes (stdout, stderr) and reports (/invocation/{id}/error) when a signed call
/// fails: never the secret key, the session token or a signature. And its log is structured JSON in which every
/// invocation's lines carry the request id.
/// </summary>
[Parallelizable(ParallelScope.None)]
public partial class BootstrapLogTests
{
    private const string WrongSecretKey = "wrong/Secret+Key/NOTTHELOOPBACKONE0000000";
    private static readonly Dictionary<string, string> Debug = new(StringComparer.Ordinal) { ["AWS_LAMBDA_LOG_LEVEL"] = "DEBUG", ["AWS_MAX_ATTEMPTS"] = "2" };

    [Test]
    public async Task A_signature_rejected_with_403_leaks_no_secret_into_logs_or_the_error_report()
    {
        await using var aws = LoopbackAwsServer.Start();
        var environment = new Dictionary<string, string>(Debug) { ["AWS_SECRET_ACCESS_KEY"] = WrongSecretKey };
        await using var function = LoopbackFunction.StartAgainst(SoakEvents.RuleName, aws, environment);

        var outcome = await function.TryInvokeAsync(SoakEvents.Change(1, new Random(1)).Payload, TimeSpan.FromSeconds(20), "req-signature-rejected");

        outcome.Should().NotBeNull(function.Process.Output);
        outcome!.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("InvalidSignatureException");
        outcome.ErrorMessage.Should().Contain("PutEvaluations").And.Contain("403");
        var rejected = aws.RequestsFor("config", "PutEvaluations");
        rejected.Should().NotBeEmpty().And.OnlyContain(r => r.Status == 403, "the endpoint refused the signature");
        AssertNoSecrets(function, outcome.BodyText, rejected.Select(r => Signature(r.Request.Header("Authorization"))).ToList());
    }

    [Test]
    public async Task An_access_denied_answer_echoing_the_credentials_is_redacted_everywhere()
    {
        await using var aws = LoopbackAwsServer.Start();
        await using var function = LoopbackFunction.StartAgainst(SoakEvents.RuleName, aws, Debug);
        aws.Faults.Error("config", "*", 403, "AccessDeniedException",
            $"User is not authorized. Request: x-amz-security-token:{LoopbackAwsServer.SessionToken} key={LoopbackAwsServer.SecretAccessKey}", times: 2);

        var outcome = await function.TryInvokeAsync(SoakEvents.Change(2, new Random(2)).Payload, TimeSpan.FromSeconds(20), "req-access-denied");

        outcome!.ErrorType.Should().Be("AccessDeniedException");
        var signatures = aws.RequestsFor("config").Select(r => Signature(r.Request.Header("Authorization"))).ToList();
        AssertNoSecrets(function, outcome.BodyText, signatures);
    }

    [Test]
    public async Task Every_line_is_json_and_every_invocation_logs_under_its_request_id()
    {
        await using var aws = LoopbackAwsServer.Start();
        await using var function = LoopbackFunction.StartAgainst(SoakEvents.RuleName, aws);
        var good = SoakEvents.Change(3, new Random(3));
        var badParameters = RuleEvents.Change("token-bad", SoakEvents.RuleName,
            RuleEvents.FunctionItem("fn", RuleEvents.FunctionConfiguration("fn", 30)), new JsonObject { ["maxTimeout"] = "ten" });
        // A log-injection attempt: the resource id carries a line break and a forged JSON log line.
        var forged = "fn\n{\"level\":\"ERROR\",\"requestId\":\"forged\",\"message\":\"forged\"}";
        var injection = RuleEvents.Change("token-injection", SoakEvents.RuleName, RuleEvents.FunctionItem(forged, RuleEvents.FunctionConfiguration("fn", 30)));

        var outcomes = new[]
        {
            await function.TryInvokeAsync(good.Payload, TimeSpan.FromSeconds(20), "req-good"),
            await function.TryInvokeAsync(badParameters, TimeSpan.FromSeconds(20), "req-bad-parameters"),
            await function.TryInvokeAsync(injection, TimeSpan.FromSeconds(20), "req-injection"),
        };
        // Output is read asynchronously: the closing line of the last invocation may arrive just after its outcome.
        await function.Process.WaitForLinesAsync(line => line.Contains("\"message\":\"Invocation succeeded\"", StringComparison.Ordinal)
            || line.Contains("\"message\":\"Invocation failed\"", StringComparison.Ordinal), outcomes.Length, TimeSpan.FromSeconds(30));

        using (new AssertionScope())
        {
            outcomes.Select(o => o?.IsError).Should().Equal(false, true, false);
            function.Process.StandardOutput.Should().OnlyContain(line => line.StartsWith('{') && line.EndsWith('}'), "one JSON object a line: a line break in data cannot start a forged line");
            var entries = function.Process.LogEntries;
            // Embedded Metric Format documents (one per invocation, keyed "_aws") are the metrics, not log records.
            entries.Where(e => !Has(e, "_aws") && !(Has(e, "timestamp") && Has(e, "level") && Has(e, "message")))
                .Should().BeEmpty("each log line has timestamp, level and message");
            foreach (var id in new[] { "req-good", "req-bad-parameters", "req-injection" })
            {
                var mine = entries.Where(e => RequestIdOf(e) == id && Has(e, "message")).Select(e => e.GetProperty("message").GetString()).ToList();
                mine.Should().Contain("Invocation started", id);
                mine.Should().Contain(m => m == "Invocation succeeded" || m == "Invocation failed", id);
            }
            entries.Select(RequestIdOf).Should().NotContain("forged", "data never becomes a log line of its own");
        }
    }

    private static void AssertNoSecrets(LoopbackFunction function, string errorBody, IReadOnlyList<string> signatures)
    {
        var everything = string.Join('\n', function.Process.StandardOutput) + '\n' + string.Join('\n', function.Process.StandardError) + '\n' + errorBody;
        var runtimeBodies = string.Join('\n', function.RuntimeApi.Requests.Where(r => r.Method == "POST").Select(r => r.BodyText));
        signatures.Should().NotBeEmpty().And.OnlyContain(s => s.Length == 64);
        using (new AssertionScope())
        {
            foreach (var text in new[] { everything, runtimeBodies })
            {
                text.Should().NotContain(WrongSecretKey).And.NotContain(LoopbackAwsServer.SecretAccessKey)
                    .And.NotContain(LoopbackAwsServer.SessionToken).And.NotContain(Testing.Lambda.LambdaEnvironment.SecretAccessKey);
                foreach (var signature in signatures) text.Should().NotContain(signature);
            }
            function.Process.LogEntries.Should().NotBeEmpty();
        }
    }

    private static bool Has(JsonElement entry, string name) => entry.TryGetProperty(name, out _);

    private static string? RequestIdOf(JsonElement entry) =>
        entry.TryGetProperty("requestId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static string Signature(string? authorization) => SignatureValue().Match(authorization ?? string.Empty).Groups[1].Value;

    [GeneratedRegex("Signature=([0-9a-f]+)")]
    private static partial Regex SignatureValue();
}
