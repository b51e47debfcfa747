using System.Xml.Linq;

namespace ConfigRules.Testing.Aws;

/// <summary>A role in the fake IAM account.</summary>
public sealed record FakeRole(string RoleName, string Arn, string? PermissionsBoundaryArn, IReadOnlyList<string> AttachedPolicyArns, string Path = "/");

/// <summary>The fake IAM service: GetRole and ListAttachedRolePolicies (awsQuery, XML answers, Marker paging).</summary>
public sealed class FakeIamService
{
    public const string Version = "2010-05-08";
    public const string XmlNamespace = "https://iam.amazonaws.com/doc/2010-05-08/";
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeRole> _roles = new(StringComparer.Ordinal);

    /// <summary>Largest page ListAttachedRolePolicies returns (MaxItems may lower it).</summary>
    public int PageSize { get; set; } = 100;

    public FakeRole PutRole(string roleName, string? permissionsBoundaryArn = null, params string[] attachedPolicyArns)
    {
        var role = new FakeRole(roleName, $"arn:aws:iam::123456789012:role/{roleName}", permissionsBoundaryArn, attachedPolicyArns);
        lock (_gate) _roles[roleName] = role;
        return role;
    }

    internal LoopbackReply Handle(string action, LoopbackRequest request)
    {
        var form = request.Form;
        var roleName = Required(form, "RoleName", 64);
        FakeRole role;
        lock (_gate)
        {
            role = _roles.TryGetValue(roleName, out var found)
                ? found
                : throw new FakeAwsErrorException(404, "NoSuchEntity", $"The role with name {roleName} cannot be found.");
        }
        return action switch
        {
            "GetRole" => LoopbackReply.QueryResult(action, XmlNamespace, RoleElement(role)),
            "ListAttachedRolePolicies" => ListAttached(role, form),
            _ => throw new FakeAwsErrorException(400, "InvalidAction", $"The loopback IAM service does not implement {action}."),
        };
    }

    private LoopbackReply ListAttached(FakeRole role, IReadOnlyDictionary<string, string> form)
    {
        var max = form.TryGetValue("MaxItems", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 100;
        if (max is < 1 or > 1000) throw new FakeAwsErrorException(400, "ValidationError", "MaxItems must be 1 to 1000.");
        var offset = 0;
        if (form.TryGetValue("Marker", out var marker) && (!marker.StartsWith('m') || !int.TryParse(marker[1..], out offset)))
            throw new FakeAwsErrorException(400, "InvalidInput", "Invalid Marker.");
        var page = role.AttachedPolicyArns.Skip(offset).Take(Math.Min(max, PageSize)).ToList();
        var next = offset + page.Count;
        var truncated = next < role.AttachedPolicyArns.Count;
        var content = new List<object>
        {
            new XElement("AttachedPolicies", page.Select(arn => new XElement("member",
                new XElement("PolicyName", arn[(arn.LastIndexOf('/') + 1)..]), new XElement("PolicyArn", arn)))),
            new XElement("IsTruncated", truncated ? "true" : "false"),
        };
        if (truncated) content.Add(new XElement("Marker", "m" + next));
        return LoopbackReply.QueryResult("ListAttachedRolePolicies", XmlNamespace, [.. content]);
    }

    private static XElement RoleElement(FakeRole role)
    {
        var element = new XElement("Role",
            new XElement("Path", role.Path), new XElement("RoleName", role.RoleName), new XElement("RoleId", "AROAEXAMPLEROLEID0001"),
            new XElement("Arn", role.Arn), new XElement("CreateDate", "2024-01-01T00:00:00Z"),
            new XElement("AssumeRolePolicyDocument", Uri.EscapeDataString("{\"Version\":\"2012-10-17\",\"Statement\":[]}")),
            new XElement("MaxSessionDuration", "3600"));
        if (role.PermissionsBoundaryArn is { } boundary)
            element.Add(new XElement("PermissionsBoundary",
                new XElement("PermissionsBoundaryType", "PermissionsBoundaryPolicy"), new XElement("PermissionsBoundaryArn", boundary)));
        return element;
    }

    internal static string Required(IReadOnlyDictionary<string, string> form, string name, int max)
    {
        if (!form.TryGetValue(name, out var value) || value.Length == 0)
            throw new FakeAwsErrorException(400, "ValidationError", $"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null");
        if (value.Length > max)
            throw new FakeAwsErrorException(400, "ValidationError", $"{name} must be at most {max} characters.");
        return value;
    }
}
