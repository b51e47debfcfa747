using ConfigRules.Framework.Settings;

namespace ConfigRules.Testing;

/// <summary>In-memory environments for code that reads its settings through <see cref="IEnvironmentVariables"/>.</summary>
public static class TestEnvironment
{
    /// <summary>Only <paramref name="name"/>, set to <paramref name="value"/> (unset when null).</summary>
    public static IEnvironmentVariables With(string name, string? value) =>
        new DictionaryEnvironmentVariables(value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [name] = value });
}
