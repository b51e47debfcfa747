using ConfigRules.LambdaRuntime.Errors;

namespace ConfigRules.LambdaRuntime.Handlers;

/// <summary>Builds a handler at init, given what the process knows (environment, clock, logger).</summary>
public delegate IInvocationHandler HandlerFactory(HandlerInitContext context);

/// <summary>
/// The explicit table of handlers one bootstrap serves, keyed by the <c>_HANDLER</c> name (no reflection, so
/// Native AOT keeps every entry). Only the selected handler is constructed.
/// </summary>
public sealed class HandlerTable
{
    private readonly Dictionary<string, HandlerFactory> _factories = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>The accepted <c>_HANDLER</c> names, in registration order.</summary>
    public IReadOnlyList<string> Names => _names;

    public bool Contains(string name) => _factories.ContainsKey(name);

    /// <summary>Registers a handler under its <c>_HANDLER</c> name; a name can be registered once.</summary>
    public HandlerTable Add(string name, HandlerFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(name, factory))
            throw new ArgumentException($"A handler named '{name}' is already registered.", nameof(name));
        _names.Add(name);
        return this;
    }

    /// <summary>Constructs the handler named <paramref name="name"/>; an unknown or missing name lists the accepted ones.</summary>
    public IInvocationHandler Create(string? name, HandlerInitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(name))
            throw new UnknownHandlerException($"_HANDLER is not set: set the function's Handler to one of {Accepted()}.");
        if (!_factories.TryGetValue(name.Trim(), out var factory))
            throw new UnknownHandlerException($"_HANDLER '{name}' is not a handler of this bootstrap: expected one of {Accepted()}.");
        return factory(context);
    }

    private string Accepted() => _names.Count == 0 ? "(none registered)" : string.Join(", ", _names);
}
