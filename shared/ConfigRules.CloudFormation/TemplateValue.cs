namespace ConfigRules.CloudFormation;

/// <summary>
/// A template value after intrinsic functions are resolved with what is known before deployment (parameter
/// defaults, mappings, conditions on defaults). <see cref="UnknownValue"/> marks what only deployment decides.
/// A value that resolves to <c>AWS::NoValue</c> is represented by null (the property is absent).
/// </summary>
public abstract record TemplateValue(int Line);

/// <summary>A scalar as written; <paramref name="Plain"/> is false for quoted YAML and JSON strings.</summary>
public sealed record ScalarValue(string Text, bool Plain, int Line) : TemplateValue(Line);

public sealed record ListValue(IReadOnlyList<TemplateValue> Items, int Line) : TemplateValue(Line);

public sealed record MapValue(IReadOnlyList<KeyValuePair<string, TemplateValue>> Entries, int Line) : TemplateValue(Line)
{
    public TemplateValue? Get(string key)
    {
        foreach (var (name, value) in Entries)
        {
            if (string.Equals(name, key, StringComparison.Ordinal)) return value;
        }
        return null;
    }
}

/// <summary>
/// A value only deployment decides; <paramref name="Reason"/> says why, naming the intrinsic. <paramref name="Symbol"/>,
/// when the value is made of the template's own resources, pseudo parameters and text, spells it in <c>Fn::Sub</c>
/// notation (<c>${MyAcl.Arn}</c>, <c>arn:aws:apigateway:${AWS::Region}::/restapis/${MyApi}/stages/prod</c>): the
/// mapping uses it to tell which resource another one refers to, never as the deployed value.
/// </summary>
public sealed record UnknownValue(string Reason, int Line, string? Symbol = null) : TemplateValue(Line)
{
    /// <summary>For <c>!GetAtt Resource.Attribute</c>: the logical id and attribute named (a role the template defines is judged from it).</summary>
    public (string Resource, string Attribute)? GetAtt { get; init; }
}
