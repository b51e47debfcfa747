using System.Text.Json;

namespace ConfigRules.Framework.Model;

/// <summary>
/// <c>AWS::::Account</c>: the pseudo resource of rules that judge an account as a whole (is CloudTrail recording
/// it?). Config records no item for it and ListDiscoveredResources does not list it, so hosts make one item per
/// account themselves: resource id = the 12-digit account id, an empty configuration.
/// </summary>
public static class AccountItem
{
    public const string ResourceType = "AWS::::Account";

    private static readonly JsonElement EmptyConfiguration = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Whether a rule judges accounts rather than recorded resources.</summary>
    public static bool IsAccountType(string resourceType) => string.Equals(resourceType, ResourceType, StringComparison.Ordinal);

    public static ConfigurationItem For(string accountId, string? region, DateTimeOffset? captureTime, SourceLocation? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return new ConfigurationItem
        {
            ResourceType = ResourceType,
            ResourceId = accountId,
            ResourceName = accountId,
            AwsAccountId = accountId,
            AwsRegion = region,
            CaptureTime = captureTime,
            Configuration = EmptyConfiguration,
            Source = source,
        };
    }
}
