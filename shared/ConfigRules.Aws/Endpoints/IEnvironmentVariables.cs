namespace ConfigRules.Aws.Endpoints;

/// <summary>Where the wire layer reads its settings (region, endpoint overrides); tests substitute a dictionary.</summary>
public interface IEnvironmentVariables
{
    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    string? Get(string name);
}

/// <summary>The process environment.</summary>
public sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public static ProcessEnvironmentVariables Instance { get; } = new();

    public string? Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}

/// <summary>A fixed set of variables, for tests and for hosts that compose settings themselves.</summary>
public sealed class DictionaryEnvironmentVariables(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
{
    public string? Get(string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
