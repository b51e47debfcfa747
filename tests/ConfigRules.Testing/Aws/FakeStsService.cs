using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ConfigRules.Testing.Aws;

/// <summary>Temporary credentials the fake STS issued: the loopback endpoint accepts their signatures until they expire.</summary>
public sealed record IssuedCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration, string RoleArn, string SessionName);

/// <summary>An AssumeRole call the fake STS answered (or refused), and the access key that signed it.</summary>
public sealed record AssumeRoleCall(string RoleArn, string SessionName, int DurationSeconds, string? CallerAccessKeyId, bool Granted);

/// <summary>
/// The fake STS service: GetCallerIdentity and AssumeRole (awsQuery, Version 2011-06-15) with STS's checks on the ARN, session name and
/// duration. Only roles made assumable with <see cref="AllowRole"/> are granted (others: 403 AccessDenied, as when a
/// role does not exist or does not trust the caller). Each grant issues fresh credentials that later requests may
/// sign with; <see cref="RoleOf"/> tells which role a recorded request was signed as.
/// </summary>
public sealed partial class FakeStsService(TimeProvider time)
{
    public const string Version = "2011-06-15";
    public const string XmlNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    private readonly ConcurrentDictionary<string, byte> _assumable = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedCredentials> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<AssumeRoleCall> _calls = new();

    /// <summary>Lets the caller assume <paramref name="roleArn"/> (the role exists and trusts the loopback account).</summary>
    public void AllowRole(string roleArn) => _assumable[roleArn] = 0;

    public IReadOnlyList<AssumeRoleCall> AssumeRoleCalls => [.. _calls];

    public IReadOnlyList<IssuedCredentials> Issued => [.. _issued.Values.OrderBy(c => c.Expiration)];

    /// <summary>The role whose issued credentials carry <paramref name="accessKeyId"/>, or null (the loopback account's own keys).</summary>
    public string? RoleOf(string? accessKeyId) => accessKeyId is not null && _issued.TryGetValue(accessKeyId, out var issued) ? issued.RoleArn : null;

    /// <summary>Issued credentials that have not expired, for the signature verifier.</summary>
    internal IssuedCredentials? Valid(string accessKeyId) =>
        _issued.TryGetValue(accessKeyId, out var issued) && issued.Expiration > time.GetUtcNow() ? issued : null;

    internal LoopbackReply Handle(string action, LoopbackRequest request)
    {
        if (action == "GetCallerIdentity") return GetCallerIdentity(request);
        if (action != "AssumeRole") throw new FakeAwsErrorException(400, "InvalidAction", $"The loopback STS service does not implement {action}.");
        var form = request.Form;
        var roleArn = FakeIamService.Required(form, "RoleArn", 2048);
        if (roleArn.Length < 20 || !RoleArnPattern().IsMatch(roleArn))
            throw new FakeAwsErrorException(400, "ValidationError", $"{roleArn} is invalid: expected arn:<partition>:iam::<12-digit account>:role/<name>.");
        var sessionName = FakeIamService.Required(form, "RoleSessionName", 64);
        if (!SessionNamePattern().IsMatch(sessionName))
            throw new FakeAwsErrorException(400, "ValidationError", $"1 validation error detected: Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        var duration = 3600;
        if (form.TryGetValue("DurationSeconds", out var text) && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration is < 900 or > 43_200))
            throw new FakeAwsErrorException(400, "ValidationError", $"DurationSeconds '{text}' must be 900 to 43200.");
        var unknown = form.Keys.Where(k => k is not ("Action" or "Version" or "RoleArn" or "RoleSessionName" or "DurationSeconds")).ToList();
        if (unknown.Count > 0) throw new FakeAwsErrorException(400, "InvalidParameter", $"Unknown parameters: {string.Join(", ", unknown)}.");

        var caller = LoopbackAuthorization.AccessKeyId(request.Header("Authorization"));
        var granted = _assumable.ContainsKey(roleArn);
        _calls.Enqueue(new AssumeRoleCall(roleArn, sessionName, duration, caller, granted));
        if (!granted)
            throw new FakeAwsErrorException(403, "AccessDenied", $"User: {caller} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");

        var issued = new IssuedCredentials("ASIA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)), "FwoGZXIvYXdzE" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            time.GetUtcNow().AddSeconds(duration), roleArn, sessionName);
        _issued[issued.AccessKeyId] = issued;
        var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        var account = roleArn.Split(':')[4];
        return LoopbackReply.QueryResult(action, XmlNamespace,
            new XElement("Credentials",
                new XElement("AccessKeyId", issued.AccessKeyId),
                new XElement("SecretAccessKey", issued.SecretAccessKey),
                new XElement("SessionToken", issued.SessionToken),
                new XElement("Expiration", issued.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
            new XElement("AssumedRoleUser",
                new XElement("AssumedRoleId", "AROALOOPBACKEXAMPLE:" + sessionName),
                new XElement("Arn", $"arn:aws:sts::{account}:assumed-role/{roleName}/{sessionName}")));
    }

    /// <summary>GetCallerIdentity (no parameters): the loopback account, or the account of the role whose issued credentials signed.</summary>
    private LoopbackReply GetCallerIdentity(LoopbackRequest request)
    {
        var unknown = request.Form.Keys.Where(k => k is not ("Action" or "Version")).ToList();
        if (unknown.Count > 0) throw new FakeAwsErrorException(400, "InvalidParameter", $"GetCallerIdentity takes no parameters; got {string.Join(", ", unknown)}.");
        var caller = LoopbackAuthorization.AccessKeyId(request.Header("Authorization"));
        var role = RoleOf(caller);
        var account = role is null ? AccountId : role.Split(':')[4];
        return LoopbackReply.QueryResult("GetCallerIdentity", XmlNamespace,
            new XElement("Arn", role ?? $"arn:aws:iam::{AccountId}:user/loopback"),
            new XElement("UserId", role is null ? "AIDALOOPBACKEXAMPLE" : "AROALOOPBACKEXAMPLE:session"),
            new XElement("Account", account));
    }

    /// <summary>The loopback account's id (the fakes' resources belong to it).</summary>
    public const string AccountId = "123456789012";

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();
}

/// <summary>Reads the access key id out of a SigV4 Authorization header.</summary>
internal static class LoopbackAuthorization
{
    public static string? AccessKeyId(string? authorization)
    {
        if (authorization is null) return null;
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start < 0) return null;
        var end = authorization.IndexOf('/', start);
        return end < 0 ? null : authorization[(start + 11)..end];
    }
}
