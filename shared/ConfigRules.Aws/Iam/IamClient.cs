using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Iam;

/// <summary>An IAM role as lambda-execution-role-check reads it.</summary>
public sealed record IamRole(string Arn, string RoleName, string? PermissionsBoundaryArn);

/// <summary>A managed policy attached to a role.</summary>
public sealed record AttachedPolicy(string PolicyName, string PolicyArn);

/// <summary>IAM over awsQuery (Version 2010-05-08): the global endpoint, signed for us-east-1 in the commercial partition.</summary>
public sealed class IamClient(AwsTransport transport, AwsEndpoint endpoint)
{
    public const string ApiVersion = "2010-05-08";
    private readonly AwsQueryProtocol _protocol = new(transport, AwsService.Iam, endpoint, ApiVersion);

    public static IamClient Create(AwsClientContext context) => new(context.Transport, context.EndpointFor(AwsService.Iam));

    /// <summary>GetRole: the role's ARN, name and permissions boundary; null when IAM has no such role (NoSuchEntity).</summary>
    public async Task<IamRole?> GetRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleName);
        var result = await NoneAnswers.NullWhenAsync(
            _protocol.InvokeAsync("GetRole", [new("RoleName", roleName)], cancellationToken), "NoSuchEntity").ConfigureAwait(false);
        if (result is null) return null;
        var role = XmlReading.Child(result, "Role") ?? throw new AwsProtocolException("IAM GetRole answered without a <Role>.");
        return new IamRole(
            XmlReading.ChildValue(role, "Arn") ?? throw new AwsProtocolException("IAM GetRole answered with a role without <Arn>."),
            XmlReading.ChildValue(role, "RoleName") ?? roleName,
            XmlReading.ChildValue(XmlReading.Child(role, "PermissionsBoundary"), "PermissionsBoundaryArn"));
    }

    /// <summary>ListAttachedRolePolicies, every page (Marker while IsTruncated). A missing role raises AwsResourceNotFoundException.</summary>
    public async Task<IReadOnlyList<AttachedPolicy>> ListAttachedRolePoliciesAsync(string roleName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleName);
        var policies = new List<AttachedPolicy>();
        string? marker = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new("RoleName", roleName), new("MaxItems", "100") };
            if (marker is not null) parameters.Add(new("Marker", marker));
            var result = await _protocol.InvokeAsync("ListAttachedRolePolicies", parameters, cancellationToken).ConfigureAwait(false);
            foreach (var member in XmlReading.Child(result, "AttachedPolicies")?.Elements() ?? [])
            {
                var arn = XmlReading.ChildValue(member, "PolicyArn")
                    ?? throw new AwsProtocolException("IAM ListAttachedRolePolicies answered with a policy without <PolicyArn>.");
                policies.Add(new AttachedPolicy(XmlReading.ChildValue(member, "PolicyName") ?? arn[(arn.LastIndexOf('/') + 1)..], arn));
            }
            var truncated = bool.TryParse(XmlReading.ChildValue(result, "IsTruncated"), out var t) && t;
            var next = truncated ? XmlReading.ChildValue(result, "Marker") : null;
            if (truncated && (string.IsNullOrEmpty(next) || next == marker))
                throw new AwsProtocolException("IAM ListAttachedRolePolicies said IsTruncated without a new Marker; paging would never end.");
            marker = next;
        }
        while (marker is not null);
        return policies;
    }
}
