using ConfigRules.Framework.Settings;

namespace ConfigRules.Aws.Endpoints;

/// <summary>
/// Resolves a service's endpoint the way the AWS SDKs do: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, else
/// <c>AWS_ENDPOINT_URL</c>, else the public endpoint of the region's partition. Global services (IAM) are
/// signed for their partition's home region whichever URL they are sent to.
/// </summary>
public sealed class AwsEndpointResolver(IEnvironmentVariables environment)
{
    public AwsEndpoint Resolve(AwsService service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var partition = AwsPartition.Of(region);
        var signingRegion = service.IsGlobal ? partition.GlobalSigningRegion : region;

        foreach (var variable in new[] { service.EndpointVariable, "AWS_ENDPOINT_URL" })
        {
            if (environment.Get(variable) is { } configured)
                return new AwsEndpoint(ParseOverride(variable, configured), signingRegion, service.SigningName) { IsOverride = true };
        }

        var host = service.IsGlobal
            ? partition.GlobalHost(service.EndpointPrefix)
            : $"{service.EndpointPrefix}.{region}.{partition.DnsSuffix}";
        return new AwsEndpoint(new Uri("https://" + host + "/"), signingRegion, service.SigningName);
    }

    private static Uri ParseOverride(string variable, string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new AwsConfigurationException(
                $"{variable} '{value}' is not an endpoint URL: expected an absolute http or https URL such as https://config.us-east-1.amazonaws.com or http://127.0.0.1:4566.");
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new AwsConfigurationException($"{variable} '{value}' must not carry a query or fragment.");
        // A base path is kept (a proxy may route by it); requests append their own paths to it.
        var text = uri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}

/// <summary>The partition a region belongs to: its DNS suffix and where its global services live.</summary>
public sealed record AwsPartition(string Name, string DnsSuffix, string HomeRegion)
{
    public static readonly AwsPartition Aws = new("aws", "amazonaws.com", "us-east-1");
    public static readonly AwsPartition China = new("aws-cn", "amazonaws.com.cn", "cn-north-1");
    public static readonly AwsPartition GovCloud = new("aws-us-gov", "amazonaws.com", "us-gov-west-1");
    public static readonly AwsPartition Iso = new("aws-iso", "c2s.ic.gov", "us-iso-east-1");
    public static readonly AwsPartition IsoB = new("aws-iso-b", "sc2s.sgov.gov", "us-isob-east-1");

    public static AwsPartition Of(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? China
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? GovCloud
        : region.StartsWith("us-isob-", StringComparison.Ordinal) ? IsoB
        : region.StartsWith("us-iso-", StringComparison.Ordinal) ? Iso
        : Aws;

    /// <summary>The region global services are signed for: us-east-1 in the commercial partition, the home region elsewhere.</summary>
    public string GlobalSigningRegion => HomeRegion;

    /// <summary>
    /// The global endpoint's host: iam.amazonaws.com in the commercial partition, iam.us-gov.amazonaws.com in
    /// GovCloud, the home region's regional host elsewhere (IAM in China is iam.cn-north-1.amazonaws.com.cn).
    /// </summary>
    public string GlobalHost(string endpointPrefix) => Name switch
    {
        "aws" => $"{endpointPrefix}.{DnsSuffix}",
        "aws-us-gov" => $"{endpointPrefix}.us-gov.{DnsSuffix}",
        _ => $"{endpointPrefix}.{HomeRegion}.{DnsSuffix}",
    };
}
