namespace ConfigRules.Rules.LambdaConcurrency;

/// <summary>
/// Where lambda-concurrency-check asks for a function's reserved concurrency when the configuration item
/// does not carry it (Lambda's GetFunctionConcurrency in the Lambda host).
/// </summary>
public interface IFunctionConcurrencyLookup
{
    /// <summary>The function's reserved concurrency, or null when none is reserved.</summary>
    ValueTask<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken);
}
