using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// Least-privilege execution roles: one per function, writing only to its own log group, with each catalog
/// action on the narrowest resource AWS accepts (grouped by resource). Every "*" carries a comment naming
/// the API that allows nothing narrower.
/// </summary>
public static class RolePolicies
{
    public static YamlMap Role(HandlerSpec handler, IEnumerable<YamlMap> extraStatements)
    {
        var trust = Cfn.PolicyDocument(new YamlMap()
            .Add("Effect", "Allow")
            .Add("Principal", new YamlMap().Add("Service", "lambda.amazonaws.com"))
            .Add("Action", "sts:AssumeRole"));

        var statements = new YamlSequence();
        statements.Add(Cfn.Statement("WriteOwnLogGroup", "Allow", null,
            Cfn.List("logs:CreateLogStream", "logs:PutLogEvents"), Cfn.GetAtt(handler.Logical("LogGroup"), "Arn")));
        foreach (var group in handler.IamActions.Select(IamActionScopes.For).GroupBy(scope => scope.Resource))
        {
            var scopes = group.OrderBy(scope => scope.Action, StringComparer.Ordinal).ToList();
            var statement = new YamlMap()
                .Add("Sid", StatementId(scopes))
                .Add("Effect", "Allow")
                .Add("Action", new YamlSequence(scopes.Select(scope => (YamlNode)scope.Action)));
            var comment = scopes[0].IsUnscoped
                ? "Resource \"*\": " + string.Join("\n", scopes.Select(scope => scope.WhyUnscoped))
                : null;
            statement.Add("Resource", scopes[0].ResourceNode, comment);
            statements.Add(statement);
        }
        foreach (var extra in extraStatements) statements.Add(extra);

        return new YamlMap()
            .Add("Type", "AWS::IAM::Role")
            .Add("Properties", new YamlMap()
                .Add("Description", $"Execution role of {handler.Id}: its own log group and what the handler calls, nothing else.")
                .Add("AssumeRolePolicyDocument", trust)
                .Add("Policies", new YamlSequence(new YamlMap()
                    .Add("PolicyName", handler.Id)
                    .Add("PolicyDocument", new YamlMap().Add("Version", "2012-10-17").Add("Statement", statements)))));
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
        _ => "",
    };
}
