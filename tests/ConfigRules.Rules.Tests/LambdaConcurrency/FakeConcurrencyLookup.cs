using ConfigRules.Rules.LambdaConcurrency;

namespace ConfigRules.Rules.Tests.LambdaConcurrency;

/// <summary>Answers from a table and records which functions were asked for.</summary>
internal sealed class FakeConcurrencyLookup(Dictionary<string, int?> reserved) : IFunctionConcurrencyLookup
{
    public List<string> Asked { get; } = [];

    public string Source => "the test's table";

    public ValueTask<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken)
    {
        Asked.Add(functionName);
        return reserved.TryGetValue(functionName, out var value)
            ? ValueTask.FromResult(value)
            : throw new InvalidOperationException($"ResourceNotFoundException: Function not found: {functionName}");
    }
}
