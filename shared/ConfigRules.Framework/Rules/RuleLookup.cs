namespace ConfigRules.Framework.Rules;

/// <summary>
/// A lookup a rule declares in its definition: the service interface it reads through
/// <see cref="RuleContext.Services"/>, the IAM actions the live implementation calls, the related resource types
/// that answer it offline, and how each host builds it. Hosts register exactly the declared lookups of the rules
/// they serve, so a rule that reads an undeclared service fails in every host's tests.
/// </summary>
public abstract class RuleLookup
{
    private protected RuleLookup() { }

    /// <summary>The interface the rule asks <see cref="RuleServices"/> for.</summary>
    public abstract Type Service { get; }

    /// <summary>What it answers, in words ("IAM roles"), for docs and errors.</summary>
    public required string Describes { get; init; }

    /// <summary>The IAM actions the live implementation calls (added to the rule function's role).</summary>
    public IReadOnlyList<string> IamActions { get; init; } = [];

    /// <summary>
    /// Config resource types whose items answer the lookup offline (the CLI streams them from the same input, a
    /// template maps them from its resources), e.g. <c>AWS::IAM::Role</c>.
    /// </summary>
    public IReadOnlyList<string> RelatedResourceTypes { get; init; } = [];

    /// <summary>Registers the live implementation (AWS calls), built from the host's infrastructure.</summary>
    public abstract void AddLive(RuleServices services, LookupInfrastructure infrastructure);

    /// <summary>Registers the offline implementation and returns the index the host feeds related items to.</summary>
    public abstract IRelatedItemIndex AddOffline(RuleServices services, OfflineSource source);
}

/// <summary>A lookup of service <typeparamref name="TService"/>, with its live and offline implementations.</summary>
public sealed class RuleLookup<TService> : RuleLookup where TService : class
{
    public override Type Service => typeof(TService);

    /// <summary>Builds the AWS-backed implementation; the infrastructure holds the host's AWS context and clock.</summary>
    public required Func<LookupInfrastructure, TService> Live { get; init; }

    /// <summary>Builds the implementation answered by related items of the input (or of the template).</summary>
    public required Func<OfflineSource, RelatedItemIndex<TService>> Offline { get; init; }

    public override void AddLive(RuleServices services, LookupInfrastructure infrastructure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Add(Live(infrastructure));
    }

    public override IRelatedItemIndex AddOffline(RuleServices services, OfflineSource source)
    {
        ArgumentNullException.ThrowIfNull(services);
        var index = Offline(source);
        services.Add(index.Service);
        return index;
    }
}

/// <summary>What an offline host reads related items from: a Config snapshot (or other AWS output), or a template.</summary>
public enum OfflineSourceKind { RecordedItems, Template }

/// <summary>The offline source, so that a lookup can say where its answer came from.</summary>
public sealed record OfflineSource(OfflineSourceKind Kind)
{
    public static OfflineSource RecordedItems { get; } = new(OfflineSourceKind.RecordedItems);

    public static OfflineSource Template { get; } = new(OfflineSourceKind.Template);

    /// <summary>Completes "The execution role ARN is not ...": where items of the related type come from here.</summary>
    public string WhereToFind(string resourceType) => Kind == OfflineSourceKind.Template
        ? $"defined by the template; evaluate the account's {resourceType} items to check it"
        : $"among the input's {resourceType} items; add its configuration item to check it";
}

/// <summary>The host's infrastructure a live lookup is built from (the AWS client context, the clock), by type.</summary>
public sealed class LookupInfrastructure(TimeProvider time)
{
    private readonly RuleServices _parts = new();

    public TimeProvider Time { get; } = time;

    public LookupInfrastructure With<TPart>(TPart part) where TPart : class
    {
        _parts.Add(part);
        return this;
    }

    /// <summary>A part the host provides; a clear error naming it when the host has none.</summary>
    public TPart Require<TPart>() where TPart : class =>
        _parts.TryGet<TPart>(out var part)
            ? part
            : throw new InvalidOperationException($"This host provides no {typeof(TPart).Name}, which a declared lookup needs to call AWS.");
}
