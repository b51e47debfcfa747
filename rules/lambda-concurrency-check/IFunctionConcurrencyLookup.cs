namespace ConfigRules.Rules.LambdaConcurrency;

/// <summary>
/// Where lambda-concurrency-check reads a function's reserved concurrency when the configuration item does not
/// carry it: Lambda's GetFunctionConcurrency in the rule functions; offline, the recorded item itself.
/// </summary>
public interface IFunctionConcurrencyLookup
{
    /// <summary>Where the answer comes from, in words, for the annotation ("Lambda GetFunctionConcurrency").</summary>
    string Source { get; }

    /// <summary>The function's reserved concurrency, or null when none is reserved.</summary>
    ValueTask<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken);
}
