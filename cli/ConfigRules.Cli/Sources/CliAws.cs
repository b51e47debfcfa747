using ConfigRules.Aws;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Cli.Sources;

/// <summary>
/// The AWS context of one run, built on first use (a run on local files never needs a region or credentials):
/// credentials from the standard chain, endpoints from the same <c>AWS_ENDPOINT_URL[_SERVICE]</c> variables the rule
/// functions read, retry settings from the environment, and the region from <c>--region</c>, else <c>AWS_REGION</c>,
/// else <c>AWS_DEFAULT_REGION</c>.
/// </summary>
public sealed class CliAws(string? region, IEnvironmentVariables? environment = null)
{
    private readonly IEnvironmentVariables _environment = environment ?? ProcessEnvironmentVariables.Instance;
    private AwsClientContext? _context;

    /// <exception cref="AwsConfigurationException">No region is set, or a setting is malformed.</exception>
    public AwsClientContext Context => _context ??= AwsClientContext.FromEnvironment(region is null ? _environment : new RegionOverride(region, _environment));

    /// <summary>--region wins over AWS_REGION and AWS_DEFAULT_REGION; every other variable is the process's.</summary>
    private sealed class RegionOverride(string region, IEnvironmentVariables environment) : IEnvironmentVariables
    {
        public string? Get(string name) => name is "AWS_REGION" or "AWS_DEFAULT_REGION" ? region : environment.Get(name);
    }
}
