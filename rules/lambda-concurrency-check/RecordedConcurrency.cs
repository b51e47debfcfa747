using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaConcurrency;

/// <summary>
/// Reserved concurrency offline, read from the item alone as AWS's managed <c>LAMBDA_CONCURRENCY_CHECK</c> does:
/// Config records <c>supplementaryConfiguration.Concurrency</c> whenever concurrency is reserved, so a recorded item
/// without it has none; a template states <c>ReservedConcurrentExecutions</c> when it sets one.
/// </summary>
public sealed class RecordedConcurrency(OfflineSource source) : RelatedItemIndex<IFunctionConcurrencyLookup>([]), IFunctionConcurrencyLookup
{
    public override IFunctionConcurrencyLookup Service => this;

    /// <summary>Its answers come from the item itself and never change: nothing to report.</summary>
    public override bool ReportsReads => true;

    public string Source => source.Kind == OfflineSourceKind.Template
        ? "the template, which sets no ReservedConcurrentExecutions"
        : "the recorded item, which has no supplementaryConfiguration.Concurrency";

    public override void Add(ConfigurationItem item) { }

    public ValueTask<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken) =>
        ValueTask.FromResult<int?>(null);
}
