namespace ConfigRules.Framework.Settings;

/// <summary>
/// The one way settings are read from the environment (region, endpoints, retry settings, exemptions, topics,
/// member roles): a host hands its environment to everything it composes, and tests hand in a dictionary. The
/// Lambda runtime library keeps its own <c>IRuntimeEnvironment</c> (it depends on nothing); ConfigRules.Hosting
/// adapts it to this interface once.
/// </summary>
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

/// <summary>A fixed set of variables held in memory, for tests and for hosts that compose settings themselves.</summary>
public sealed class DictionaryEnvironmentVariables(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
{
    public string? Get(string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
