namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>Every rule of the contract is a handler of the published bootstrap, built and answering under its own name.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HandlerTableProcessTests
{
    private static IEnumerable<string> RuleHandlers => ExpectedHandlers.Rules;

    [TestCaseSource(nameof(RuleHandlers))]
    public async Task The_rule_handler_starts_and_answers_for_its_rule(string handler)
    {
        await using var function = LoopbackFunction.Start(handler);

        var outcome = await function.InvokeAsync(ConfigEvents.SnapshotDelivered());

        outcome.IsError.Should().BeFalse(outcome.ToString());
        outcome.Json.GetProperty("ruleId").GetString().Should().Be(handler);
        outcome.Json.GetProperty("messageType").GetString().Should().Be("ConfigurationSnapshotDeliveryCompleted");
        function.Aws.Requests.Should().BeEmpty("a delivery notice needs no AWS call");
        function.Process.LogEntries.Should().Contain(e => e.GetProperty("message").GetString() == "Runtime initialized"
            && e.GetProperty("handler").GetString() == handler);
    }
}
