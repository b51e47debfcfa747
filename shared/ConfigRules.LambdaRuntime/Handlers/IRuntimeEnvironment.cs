namespace ConfigRules.LambdaRuntime.Handlers;

/// <summary>The process environment as the runtime and handlers see it; tests give each bootstrap its own.</summary>
public interface IRuntimeEnvironment
{
    string? GetVariable(string name);

    void SetVariable(string name, string? value);
}

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IRuntimeEnvironment
{
    public static ProcessEnvironment Instance { get; } = new();

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public void SetVariable(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}

/// <summary>An environment held in memory (in-process hosting and tests).</summary>
public sealed class InMemoryEnvironment(IReadOnlyDictionary<string, string?>? initial = null) : IRuntimeEnvironment
{
    private readonly Dictionary<string, string?> _variables = initial is null
        ? new(StringComparer.Ordinal)
        : new(initial, StringComparer.Ordinal);

    private readonly Lock _gate = new();

    public string? GetVariable(string name)
    {
        lock (_gate) return _variables.GetValueOrDefault(name);
    }

    public void SetVariable(string name, string? value)
    {
        lock (_gate)
        {
            if (value is null) _variables.Remove(name);
            else _variables[name] = value;
        }
    }
}
