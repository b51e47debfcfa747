using ConfigRules.Aws.Lambda;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaPublicAccess;

/// <summary>
/// Where lambda-public-access-check reads a function's resource policy when the item does not carry
/// <c>supplementaryConfiguration.Policy</c>: Lambda <c>GetPolicy</c> in the rule function and <c>--live</c>; offline,
/// the item alone (Config records the policy whenever there is one; a template's policy is built by the mapping).
/// </summary>
public interface IFunctionPolicyLookup
{
    /// <summary>The policy document as JSON text, or null when the function has none.</summary>
    ValueTask<string?> GetPolicyAsync(string functionName, CancellationToken cancellationToken);
}

/// <summary>The policy from Lambda <c>GetPolicy</c>; failures other than "no policy" propagate (the invocation is retried).</summary>
public sealed class LambdaFunctionPolicyLookup(LambdaClient client) : IFunctionPolicyLookup
{
    private readonly LambdaClient _client = client ?? throw new ArgumentNullException(nameof(client));

    public async ValueTask<string?> GetPolicyAsync(string functionName, CancellationToken cancellationToken) =>
        await _client.GetPolicyAsync(functionName, cancellationToken).ConfigureAwait(false);
}

/// <summary>Offline: an item without the policy has none, as Config records the policy whenever there is one.</summary>
public sealed class RecordedFunctionPolicy : RelatedItemIndex<IFunctionPolicyLookup>, IFunctionPolicyLookup
{
    public RecordedFunctionPolicy() : base([]) { }

    public override IFunctionPolicyLookup Service => this;

    /// <summary>Its answers come from the item itself and never change: nothing to report.</summary>
    public override bool ReportsReads => true;

    public override void Add(ConfigurationItem item) { }

    public ValueTask<string?> GetPolicyAsync(string functionName, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
