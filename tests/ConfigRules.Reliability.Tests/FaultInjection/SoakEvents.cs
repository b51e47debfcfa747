using System.Text.Json.Nodes;
using ConfigRules.Reliability.Tests.Fixtures;
using ConfigRules.Testing.Aws;

namespace ConfigRules.Reliability.Tests.FaultInjection;

/// <summary>
/// Events for lambda-timeout-check (default range 1 to 300 s) over functions with seeded random timeouts, with
/// the result each must produce worked out here from the timeout alone.
/// </summary>
public static class SoakEvents
{
    public const string RuleName = "lambda-timeout-check";
    public const string FunctionType = "AWS::Lambda::Function";

    public static string ExpectedCompliance(long timeout) => timeout is >= 1 and <= 300 ? "COMPLIANT" : "NON_COMPLIANT";

    /// <summary>A change notification carrying the item.</summary>
    public static SoakEvent Change(int index, Random random)
    {
        var name = $"fn-change-{index:D5}";
        var timeout = random.Next(1, 901);
        var token = $"token-{index:D5}-{Guid.NewGuid():N}";
        var payload = RuleEvents.Change(token, RuleName, RuleEvents.FunctionItem(name, RuleEvents.FunctionConfiguration(name, timeout)));
        return new SoakEvent(token, payload, [new ExpectedEvaluation(FunctionType, name, ExpectedCompliance(timeout))]);
    }

    /// <summary>An oversized notification; the item itself is recorded in the fake account for GetResourceConfigHistory.</summary>
    public static SoakEvent Oversized(int index, Random random, LoopbackAwsServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var name = $"fn-oversized-{index:D5}";
        var timeout = random.Next(1, 901);
        server.Config.Put(new FakeResource
        {
            ResourceType = FunctionType,
            ResourceId = name,
            ResourceName = name,
            Arn = RuleEvents.FunctionArn(name),
            Configuration = RuleEvents.FunctionConfiguration(name, timeout),
            CaptureTime = RuleEvents.CaptureTime,
        });
        var token = $"token-{index:D5}-{Guid.NewGuid():N}";
        var payload = RuleEvents.Bytes(RuleEvents.Envelope(RuleEvents.OversizedInvoking(FunctionType, name), token, RuleName));
        return new SoakEvent(token, payload, [new ExpectedEvaluation(FunctionType, name, ExpectedCompliance(timeout))]);
    }

    /// <summary>Records <paramref name="count"/> functions for periodic evaluations; returns what each must be judged.</summary>
    public static IReadOnlyList<ExpectedEvaluation> RecordAccount(int count, Random random, LoopbackAwsServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var expected = new List<ExpectedEvaluation>(count);
        for (var i = 0; i < count; i++)
        {
            var name = $"fn-account-{i:D4}";
            var timeout = random.Next(1, 901);
            server.Config.Put(FunctionType, name, RuleEvents.FunctionConfiguration(name, timeout));
            expected.Add(new ExpectedEvaluation(FunctionType, name, ExpectedCompliance(timeout)));
        }
        return expected;
    }

    /// <summary>A periodic notification: every recorded function is judged. Refusals are never persistent (batch sizes vary).</summary>
    public static SoakEvent Scheduled(int index, IReadOnlyList<ExpectedEvaluation> account)
    {
        var token = $"token-{index:D5}-{Guid.NewGuid():N}";
        var payload = RuleEvents.Bytes(RuleEvents.Envelope(RuleEvents.ScheduledInvoking(RuleEvents.CaptureTime.AddHours(index)), token, RuleName));
        return new SoakEvent(token, payload, account, AllowPersistentRefusal: false);
    }

    public static JsonObject NoParameters => new();
}
