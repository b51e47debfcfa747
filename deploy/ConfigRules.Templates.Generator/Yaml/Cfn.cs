namespace ConfigRules.Templates.Yaml;

/// <summary>CloudFormation intrinsic functions in their short YAML forms.</summary>
public static class Cfn
{
    public static YamlNode Ref(string name) => new YamlTagged("!Ref", new YamlScalar(name));

    public static YamlNode GetAtt(string resource, string attribute) => new YamlTagged("!GetAtt", new YamlScalar($"{resource}.{attribute}"));

    public static YamlNode Sub(string template) => new YamlTagged("!Sub", new YamlScalar(template));

    public static YamlNode If(string condition, YamlNode whenTrue, YamlNode whenFalse) =>
        new YamlTagged("!If", new YamlSequence(condition, whenTrue, whenFalse));

    public static YamlNode Equals(YamlNode left, YamlNode right) => new YamlTagged("!Equals", new YamlSequence(left, right));

    public static YamlNode Not(YamlNode condition) => new YamlTagged("!Not", new YamlSequence(condition));

    public static YamlNode Join(string delimiter, YamlNode values) => new YamlTagged("!Join", new YamlSequence(delimiter, values));

    public static YamlNode NoValue => Ref("AWS::NoValue");

    public static YamlNode AccountId => Ref("AWS::AccountId");

    public static YamlSequence List(params IEnumerable<YamlNode> values) => new(values);

    /// <summary>An IAM or resource policy statement.</summary>
    public static YamlMap Statement(string sid, string effect, YamlNode? principal, YamlNode actions, YamlNode resources, YamlMap? condition = null)
    {
        var statement = new YamlMap().Add("Sid", sid).Add("Effect", effect);
        if (principal is not null) statement.Add("Principal", principal);
        statement.Add("Action", actions).Add("Resource", resources);
        if (condition is not null) statement.Add("Condition", condition);
        return statement;
    }

    public static YamlMap PolicyDocument(params IEnumerable<YamlNode> statements) =>
        new YamlMap().Add("Version", "2012-10-17").Add("Statement", new YamlSequence(statements));
}
