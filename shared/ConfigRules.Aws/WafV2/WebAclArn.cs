namespace ConfigRules.Aws.WafV2;

/// <summary>
/// A WAFv2 web ACL ARN, <c>arn:{partition}:wafv2:{region}:{account}:{regional|global}/webacl/{Name}/{Id}</c>: the
/// name, id and scope that GetWebACL takes.
/// </summary>
public sealed record WebAclArn(string Arn, string Region, string Scope, string Name, string Id)
{
    /// <summary>False for anything else, WAF Classic ARNs (<c>waf-regional</c>, <c>waf</c>) included.</summary>
    public static bool TryParse(string? arn, out WebAclArn parsed)
    {
        parsed = null!;
        if (string.IsNullOrEmpty(arn)) return false;
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2] != "wafv2") return false;
        var path = parts[5].Split('/');
        if (path.Length != 4 || path[1] != "webacl" || path[2].Length == 0 || path[3].Length == 0) return false;
        var scope = path[0] switch
        {
            "regional" => "REGIONAL",
            "global" => "CLOUDFRONT",
            _ => null,
        };
        if (scope is null) return false;
        parsed = new WebAclArn(arn, parts[3], scope, path[2], path[3]);
        return true;
    }
}
