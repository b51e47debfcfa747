namespace ConfigRules.Framework.Rules;

/// <summary>What a rule may use besides the item: the evaluation time and lookups it declared a need for.</summary>
public sealed class RuleContext(DateTimeOffset now, RuleServices services)
{
    /// <summary>The evaluation time (the CLI's <c>--now</c>; the clock in Lambda).</summary>
    public DateTimeOffset Now { get; } = now;

    public RuleServices Services { get; } = services;

    /// <summary>Values a rule computes once for the whole run (a listing shared by every item), see <see cref="RunMemo"/>.</summary>
    public RunMemo Memo { get; } = new();
}

/// <summary>
/// An explicit registry of the lookups rules need (Lambda concurrency, IAM roles): filled by the host
/// (AWS clients in Lambda, items from the input in the CLI), keyed by interface type, no reflection.
/// </summary>
public sealed class RuleServices
{
    private readonly Dictionary<Type, object> _services = [];

    public static RuleServices Empty => new();

    public RuleServices Add<TService>(TService implementation) where TService : class
    {
        ArgumentNullException.ThrowIfNull(implementation);
        _services[typeof(TService)] = implementation;
        return this;
    }

    public bool TryGet<TService>(out TService service) where TService : class
    {
        if (_services.TryGetValue(typeof(TService), out var found))
        {
            service = (TService)found;
            return true;
        }
        service = null!;
        return false;
    }

    public TService GetRequired<TService>() where TService : class =>
        TryGet<TService>(out var service)
            ? service
            : throw new InvalidOperationException($"No {typeof(TService).Name} is registered for this host: the rule cannot look up what it needs.");
}
