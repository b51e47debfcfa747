using ConfigRules.Framework.Settings;

namespace ConfigRules.Aws.Endpoints;

/// <summary>The region from AWS_REGION (set by Lambda), else AWS_DEFAULT_REGION (set by the CLI's users).</summary>
public static class AwsRegionResolver
{
    public static string Resolve(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = environment.Get("AWS_REGION") ?? environment.Get("AWS_DEFAULT_REGION");
        if (region is null)
            throw new AwsConfigurationException(
                "No AWS region is set: set AWS_REGION (or AWS_DEFAULT_REGION) to the region of the resources, e.g. us-east-1.");
        region = region.Trim();
        if (!IsPlausibleRegion(region))
            throw new AwsConfigurationException(
                $"AWS_REGION '{region}' is not a region name: expected lower-case letters, digits and hyphens such as us-east-1 or cn-north-1.");
        return region;
    }

    private static bool IsPlausibleRegion(string region) =>
        region.Length is > 2 and <= 64 && region.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

/// <summary>The wire layer's settings are missing or wrong; the message names the variable and what it accepts.</summary>
public sealed class AwsConfigurationException(string message, Exception? inner = null)
    : ConfigRules.Framework.Events.ConfigRulesException("AwsConfigurationException", message, inner);
