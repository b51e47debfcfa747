using ConfigRules.Aws.Lambda;

namespace ConfigRules.Rules.LambdaConcurrency;

/// <summary>
/// lambda-concurrency-check's reserved concurrency from Lambda <c>GetFunctionConcurrency</c>, for items that do
/// not carry the <c>Concurrency</c> supplementary configuration. Failures (after the transport's retries)
/// propagate, so the invocation fails and Lambda retries it rather than posting a guess.
/// </summary>
public sealed class LambdaConcurrencyLookup(LambdaClient client) : IFunctionConcurrencyLookup
{
    private readonly LambdaClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public string Source => "Lambda GetFunctionConcurrency";

    public async ValueTask<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken) =>
        await _client.GetFunctionConcurrencyAsync(functionName, cancellationToken).ConfigureAwait(false);
}
