namespace ConfigRules.Aws.Endpoints;

/// <summary>
/// What the wire layer needs to know about one AWS service: its endpoint prefix, its SigV4 signing name, the
/// suffix of its <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable, and whether it is a global (partition-wide) service.
/// </summary>
public sealed record AwsService(string DisplayName, string EndpointPrefix, string SigningName, string EnvironmentSuffix, bool IsGlobal = false)
{
    public static readonly AwsService Config = new("Config", "config", "config", "CONFIG_SERVICE");
    public static readonly AwsService Lambda = new("Lambda", "lambda", "lambda", "LAMBDA");
    public static readonly AwsService Iam = new("IAM", "iam", "iam", "IAM", IsGlobal: true);
    public static readonly AwsService ApiGateway = new("API Gateway", "apigateway", "apigateway", "API_GATEWAY");
    public static readonly AwsService Sns = new("SNS", "sns", "sns", "SNS");
    public static readonly AwsService Sts = new("STS", "sts", "sts", "STS");
    public static readonly AwsService S3 = new("S3", "s3", "s3", "S3");
    public static readonly AwsService WafV2 = new("WAFv2", "wafv2", "wafv2", "WAFV2");
    public static readonly AwsService CloudWatch = new("CloudWatch", "monitoring", "monitoring", "CLOUDWATCH");
    public static readonly AwsService CloudTrail = new("CloudTrail", "cloudtrail", "cloudtrail", "CLOUDTRAIL");

    /// <summary>The service-specific override variable, e.g. AWS_ENDPOINT_URL_CONFIG_SERVICE.</summary>
    public string EndpointVariable => "AWS_ENDPOINT_URL_" + EnvironmentSuffix;

    public override string ToString() => DisplayName;
}

/// <summary>Where to send a service's requests and the region to sign them for.</summary>
public sealed record AwsEndpoint(Uri BaseUri, string SigningRegion, string SigningName)
{
    /// <summary>
    /// True when the URL came from AWS_ENDPOINT_URL[_SERVICE]: S3 then addresses buckets path-style, as the SDKs do
    /// against a custom endpoint (a local emulator has no per-bucket host names).
    /// </summary>
    public bool IsOverride { get; init; }
}
