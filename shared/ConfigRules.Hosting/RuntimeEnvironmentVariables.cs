using ConfigRules.Aws.Endpoints;
using ConfigRules.LambdaRuntime.Handlers;

namespace ConfigRules.Hosting;

/// <summary>
/// The runtime's environment as the AWS layer reads it (region, endpoints, retry settings): handlers read every
/// setting from the one environment the runtime was given, so a test's in-memory environment reaches all of them.
/// </summary>
public sealed class RuntimeEnvironmentVariables(IRuntimeEnvironment environment) : IEnvironmentVariables
{
    public string? Get(string name) => environment.GetVariable(name) is { Length: > 0 } value ? value : null;
}
