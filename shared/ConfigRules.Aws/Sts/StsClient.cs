using System.Globalization;
using System.Text.RegularExpressions;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Sts;

/// <summary>Temporary credentials from AssumeRole, with the moment STS says they stop working.</summary>
public sealed record AssumedRoleCredentials(AwsCredentials Credentials, DateTimeOffset Expiration, string? AssumedRoleArn);

/// <summary>
/// AWS STS over awsQuery (Version 2011-06-15) at the regional endpoint (sts.&lt;region&gt;.amazonaws.com, or
/// AWS_ENDPOINT_URL_STS): AssumeRole, for rule functions that report into another account.
/// </summary>
public sealed partial class StsClient(AwsTransport transport, AwsEndpoint endpoint)
{
    public const string ApiVersion = "2011-06-15";
    public const int MinDurationSeconds = 900;
    public const int MaxDurationSeconds = 43_200;
    private readonly AwsQueryProtocol _protocol = new(transport, AwsService.Sts, endpoint, ApiVersion);

    public static StsClient Create(AwsClientContext context) => new(context.Transport, context.EndpointFor(AwsService.Sts));

    /// <summary>AssumeRole: the role's temporary credentials (access key, secret, session token) and their expiry.</summary>
    public async Task<AssumedRoleCredentials> AssumeRoleAsync(string roleArn, string sessionName, int durationSeconds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        if (roleArn.Length is < 20 or > 2048)
            throw new ArgumentException($"'{roleArn}' is not a role ARN STS accepts: 20 to 2048 characters.", nameof(roleArn));
        if (!SessionNamePattern().IsMatch(sessionName ?? string.Empty))
            throw new ArgumentException($"'{sessionName}' is not a role session name STS accepts: 2 to 64 of letters, digits and +=,.@_-.", nameof(sessionName));
        ArgumentOutOfRangeException.ThrowIfLessThan(durationSeconds, MinDurationSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(durationSeconds, MaxDurationSeconds);

        var result = await _protocol.InvokeAsync("AssumeRole",
        [
            new("RoleArn", roleArn),
            new("RoleSessionName", sessionName!),
            new("DurationSeconds", durationSeconds.ToString(CultureInfo.InvariantCulture)),
        ], cancellationToken).ConfigureAwait(false);

        var credentials = XmlReading.Child(result, "Credentials") ?? throw new AwsProtocolException("STS AssumeRole answered without <Credentials>.");
        var expiration = XmlReading.ChildValue(credentials, "Expiration");
        if (!DateTimeOffset.TryParse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expires))
            throw new AwsProtocolException($"STS AssumeRole answered with an <Expiration> that is not an ISO 8601 time: '{expiration}'.");
        return new AssumedRoleCredentials(
            new AwsCredentials(
                Required(credentials, "AccessKeyId"),
                Required(credentials, "SecretAccessKey"),
                Required(credentials, "SessionToken")),
            expires,
            XmlReading.ChildValue(XmlReading.Child(result, "AssumedRoleUser"), "Arn"));
    }

    /// <summary>
    /// GetCallerIdentity: the account the credentials belong to. STS needs no permission for it (even an explicit
    /// deny leaves it callable), so it names the account a read-only run judges.
    /// </summary>
    public async Task<string> GetCallerIdentityAccountAsync(CancellationToken cancellationToken)
    {
        var result = await _protocol.InvokeAsync("GetCallerIdentity", [], cancellationToken).ConfigureAwait(false);
        return XmlReading.ChildValue(result, "Account") is { Length: 12 } account && account.All(char.IsAsciiDigit)
            ? account
            : throw new AwsProtocolException("STS GetCallerIdentity answered without a 12-digit <Account>.");
    }

    private static string Required(System.Xml.Linq.XElement credentials, string name) =>
        XmlReading.ChildValue(credentials, name) is { Length: > 0 } value
            ? value
            : throw new AwsProtocolException($"STS AssumeRole answered with credentials without <{name}>.");

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();
}
