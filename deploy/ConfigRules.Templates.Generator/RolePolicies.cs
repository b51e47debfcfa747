using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// Least-privilege execution roles: one per function, writing only to its own log group, with each catalog
/// action on the narrowest resource AWS accepts (grouped by resource). Every "*" carries a comment naming
/// the API that allows nothing narrower.
/// </summary>
public static class RolePolicies
{
    public static YamlMap Role(HandlerSpec handler, IEnumerable<YamlMap> extraStatements, YamlNode? path = null)
    {
        var trust = Cfn.PolicyDocument(new YamlMap()
            .Add("Effect", "Allow")
            .Add("Principal", new YamlMap().Add("Service", "lambda.amazonaws.com"))
            .Add("Action", "sts:AssumeRole"));

        var statements = new YamlSequence();
        statements.Add(Cfn.Statement("WriteOwnLogGroup", "Allow", null,
            Cfn.List("logs:CreateLogStream", "logs:PutLogEvents"), Cfn.GetAtt(handler.Logical("LogGroup"), "Arn")));
        foreach (var statement in ScopedStatements(handler.IamActions)) statements.Add(statement);
        foreach (var extra in extraStatements) statements.Add(extra);

        var properties = new YamlMap()
            .Add("Description", $"Execution role of {handler.Id}: its own log group and what the handler calls, nothing else.");
        if (path is not null) properties.Add("Path", path, "The path the member roles of an organization trust (deploy/organization/member-role.yaml).");
        return new YamlMap()
            .Add("Type", "AWS::IAM::Role")
            .Add("Properties", properties
                .Add("AssumeRolePolicyDocument", trust)
                .Add("Policies", new YamlSequence(new YamlMap()
                    .Add("PolicyName", handler.Id)
                    .Add("PolicyDocument", new YamlMap().Add("Version", "2012-10-17").Add("Statement", statements)))));
    }

    /// <summary>
    /// The catalog actions as statements grouped by resource, each on the narrowest resource AWS accepts;
    /// <paramref name="regionPattern"/> replaces the region in resource ARNs (a role serving every region).
    /// </summary>
    public static IEnumerable<YamlMap> ScopedStatements(IEnumerable<string> actions, string? regionPattern = null)
    {
        foreach (var group in actions.Select(IamActionScopes.For).GroupBy(scope => scope.Resource))
        {
            var scopes = group.OrderBy(scope => scope.Action, StringComparer.Ordinal).ToList();
            var statement = new YamlMap()
                .Add("Sid", StatementId(scopes))
                .Add("Effect", "Allow")
                .Add("Action", new YamlSequence(scopes.Select(scope => (YamlNode)scope.Action)));
            var comment = scopes[0].IsUnscoped
                ? "Resource \"*\": " + string.Join("\n", scopes.Select(scope => scope.WhyUnscoped))
                : null;
            var resource = regionPattern is null || scopes[0].IsUnscoped
                ? scopes[0].ResourceNode
                : Cfn.Sub(scopes[0].Resource.Replace("${AWS::Region}", regionPattern, StringComparison.Ordinal));
            statement.Add("Resource", resource, comment);
            yield return statement;
        }
    }

    private static string StatementId(List<IamActionScope> scopes)
    {
        var services = string.Join("", scopes.Select(scope => scope.Action.Split(':')[0]).Distinct().Select(Naming.Pascal));
        return scopes[0].IsUnscoped ? $"{services}ApisWithoutResourceLevelPermissions" : $"{services}Scoped{ResourceKind(scopes[0].Resource)}";
    }

    private static string ResourceKind(string resource) => resource switch
    {
        _ when resource.Contains(":config-rule/", StringComparison.Ordinal) => "ToAccountConfigRules",
        _ when resource.Contains(":function:", StringComparison.Ordinal) => "ToAccountFunctions",
        _ when resource.Contains(":role/", StringComparison.Ordinal) => "ToAccountRoles",
        _ when resource.Contains("/restapis/", StringComparison.Ordinal) => "ToRegionRestApis",
        _ when resource.Contains("/webacl/", StringComparison.Ordinal) => "ToRegionWebAcls",
        _ => "",
    };
}
