using System.Buffers;
using System.Text.Json;
using ConfigRules.Framework.Model;

namespace ConfigRules.CloudFormation;

/// <summary>
/// The execution roles a template creates, as the <c>AWS::IAM::Role</c> items lambda-execution-role-check reads: an
/// <c>AWS::IAM::Role</c> resource (its <c>ManagedPolicyArns</c> and <c>PermissionsBoundary</c>), and the role SAM
/// generates for a function without <c>Role</c> (<c>&lt;LogicalId&gt;Role</c>: AWSLambdaBasicExecutionRole, the VPC and
/// X-Ray policies SAM adds for <c>VpcConfig</c> and active <c>Tracing</c>, the AWS managed policies its <c>Policies</c>
/// name, and its <c>PermissionsBoundary</c>). Their ARN is <see cref="DeploymentAssignedArn"/>'s. A role whose policies
/// or boundary only deployment decides is not mapped: the function's role stays unknown, with the reason.
/// </summary>
internal static class TemplateRoleMapper
{
    public const string RoleType = "AWS::IAM::Role";
    private const string ManagedPolicyPrefix = "arn:aws:iam::aws:policy/";
    private const string BasicExecution = ManagedPolicyPrefix + "service-role/AWSLambdaBasicExecutionRole";
    private const string VpcAccess = ManagedPolicyPrefix + "service-role/AWSLambdaVPCAccessExecutionRole";
    private const string XRayWrite = ManagedPolicyPrefix + "AWSXrayWriteOnlyAccess";

    /// <summary>An <c>AWS::IAM::Role</c> resource, or null when its managed policies or boundary are not known before deployment.</summary>
    public static TemplateItem? MapRole(string file, string logicalId, MapValue properties, int line)
    {
        var policies = new List<string>();
        switch (properties.Get("ManagedPolicyArns"))
        {
            case null: break;
            case ListValue list when list.Items.All(item => item is ScalarValue):
                policies.AddRange(list.Items.Cast<ScalarValue>().Select(item => item.Text));
                break;
            default: return null;
        }
        if (!TryBoundary(properties, out var boundary)) return null;
        var name = (properties.Get("RoleName") as ScalarValue)?.Text ?? logicalId;
        return Item(file, logicalId, name, boundary, policies, line);
    }

    /// <summary>The role SAM creates for a function without <c>Role</c>, or null when its <c>Policies</c> or boundary are not known.</summary>
    public static TemplateItem? MapSamFunctionRole(string file, string functionLogicalId, MapValue properties, int line)
    {
        var policies = new List<string> { BasicExecution };
        if (properties.Get("VpcConfig") is not null) policies.Add(VpcAccess);
        if (properties.Get("Tracing") is ScalarValue { Text: "Active" }) policies.Add(XRayWrite);
        switch (properties.Get("Policies"))
        {
            case null: break;
            case ScalarValue single: policies.Add(ManagedPolicyArn(single.Text)); break;
            case MapValue: break; // one inline policy document: no managed policy
            case ListValue list:
                foreach (var entry in list.Items)
                {
                    switch (entry)
                    {
                        case ScalarValue named: policies.Add(ManagedPolicyArn(named.Text)); break;
                        case MapValue: break; // an inline statement or a SAM policy template: no managed policy
                        default: return null;
                    }
                }
                break;
            default: return null;
        }
        if (!TryBoundary(properties, out var boundary)) return null;
        var roleId = functionLogicalId + "Role";
        return Item(file, roleId, roleId, boundary, policies, line);
    }

    /// <summary>SAM's <c>Policies</c> name AWS managed policies by name or give an ARN.</summary>
    private static string ManagedPolicyArn(string nameOrArn) =>
        nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn : ManagedPolicyPrefix + nameOrArn;

    private static bool TryBoundary(MapValue properties, out string? boundary)
    {
        boundary = null;
        switch (properties.Get("PermissionsBoundary"))
        {
            case null: return true;
            case ScalarValue arn: boundary = arn.Text; return true;
            default: return false;
        }
    }

    /// <summary>The role in the shape of Config's <c>AWS::IAM::Role</c> item, written by the JSON writer.</summary>
    private static TemplateItem Item(string file, string logicalId, string name, string? boundary, IReadOnlyList<string> policies, int line)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("arn", DeploymentAssignedArn.Role(logicalId));
            writer.WriteString("roleName", name);
            if (boundary is not null)
            {
                writer.WriteStartObject("permissionsBoundary");
                writer.WriteString("permissionsBoundaryArn", boundary);
                writer.WriteEndObject();
            }
            writer.WriteStartArray("attachedManagedPolicies");
            foreach (var policy in policies.Distinct(StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("policyArn", policy);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        var item = new ConfigurationItem
        {
            ResourceType = RoleType,
            ResourceId = logicalId,
            ResourceName = name,
            Arn = DeploymentAssignedArn.Role(logicalId),
            Configuration = document.RootElement.Clone(),
            Source = new SourceLocation(file, line),
        };
        return new TemplateItem(item, new Dictionary<string, string>(StringComparer.Ordinal));
    }
}
