using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Hosting;

/// <summary>
/// The runtime's environment as everything a host composes reads it (region, endpoints, retry settings,
/// exemptions, topics, member roles): the one adapter from the runtime's environment, so a test's in-memory
/// environment reaches every setting.
/// </summary>
public sealed class RuntimeEnvironmentVariables(IRuntimeEnvironment environment) : IEnvironmentVariables
{
    public string? Get(string name) => environment.GetVariable(name) is { Length: > 0 } value ? value : null;
}

/// <summary>Where a handler's composition reads its settings.</summary>
public static class HandlerInitSettings
{
    /// <summary>The handler's environment through <see cref="IEnvironmentVariables"/>: unset and empty both read as null.</summary>
    public static IEnvironmentVariables Variables(this HandlerInitContext init)
    {
        ArgumentNullException.ThrowIfNull(init);
        return new RuntimeEnvironmentVariables(init.Environment);
    }
}
