using ConfigRules.Framework.Model;

namespace ConfigRules.CloudFormation;

/// <summary>One statement a function's resource policy gets, as Lambda writes it for AddPermission.</summary>
internal sealed record PolicyGrant(
    string Sid, TemplateValue Principal, string Action, IReadOnlyList<(string Operator, string Key, TemplateValue Value)> Conditions, int Line);

/// <summary>The resource policy a template gives a function: its grants, or why it cannot be known before deployment.</summary>
internal sealed record FunctionPolicy(IReadOnlyList<PolicyGrant> Grants, UnknownValue? Unknown);

/// <summary>
/// The resource policy of each function of the template, assembled as deployment assembles it: from
/// <c>AWS::Lambda::Permission</c> resources (<c>Principal</c>, <c>Action</c>, <c>SourceAccount</c>, <c>SourceArn</c>,
/// <c>PrincipalOrgID</c>, <c>FunctionUrlAuthType</c>, <c>EventSourceToken</c>), from <c>AWS::Lambda::Url</c> and SAM
/// <c>FunctionUrlConfig</c> with <c>AuthType</c> NONE (a public URL), and from the permissions SAM creates for
/// event sources (<see cref="SamEventPermissions"/>). A permission whose function cannot be told makes every
/// function's policy unknown: it may be any of them.
/// </summary>
internal sealed class FunctionPolicies
{
    private const string SeparateResources =
        "the resource policy is built from separate AWS::Lambda::Permission and AWS::Lambda::Url resources, seen only when the whole template is judged (check-template, the hook's STACK and CHANGE_SET targets)";

    private readonly Dictionary<string, List<PolicyGrant>> _grants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnknownValue> _unknown = new(StringComparer.Ordinal);
    private readonly UnknownValue? _anyFunction;
    private readonly TemplateScope _scope;

    public FunctionPolicies(string file, IReadOnlyList<TemplateResource> resources, TemplateScope scope)
    {
        _scope = scope;
        var functions = resources.Where(r => TemplateTypes.IsFunction(r.Type)).ToList();
        foreach (var resource in resources)
        {
            switch (resource.Type)
            {
                case TemplateTypes.Permission:
                    var permission = resource.Properties;
                    var target = FunctionOf(permission.Get("FunctionName"), functions);
                    if (target.Unknown is { } unknownTarget)
                    {
                        _anyFunction ??= new UnknownValue($"the FunctionName of permission {resource.LogicalId} is unknown ({unknownTarget.Reason})", resource.Line);
                        continue;
                    }
                    if (target.LogicalId is not { } function) continue;
                    var principal = permission.Get("Principal")
                        ?? throw new TemplateException(file, resource.Line, $"permission {resource.LogicalId} has no Principal.");
                    var action = permission.Get("Action") as ScalarValue;
                    if (permission.Get("Action") is UnknownValue unknownAction) { Unknown(function, "Action", resource, unknownAction); continue; }
                    var conditions = new List<(string, string, TemplateValue)>();
                    Condition(conditions, "StringEquals", "AWS:SourceAccount", permission.Get("SourceAccount"));
                    Condition(conditions, "ArnLike", "AWS:SourceArn", permission.Get("SourceArn"));
                    Condition(conditions, "StringEquals", "aws:PrincipalOrgID", permission.Get("PrincipalOrgID"));
                    Condition(conditions, "StringEquals", "lambda:FunctionUrlAuthType", permission.Get("FunctionUrlAuthType"));
                    Condition(conditions, "StringEquals", "lambda:EventSourceToken", permission.Get("EventSourceToken"));
                    Add(function, new PolicyGrant(resource.LogicalId, principal, action?.Text ?? "lambda:InvokeFunction", conditions, resource.Line));
                    break;
                case TemplateTypes.FunctionUrl:
                    var url = FunctionOf(resource.Properties.Get("TargetFunctionArn"), functions);
                    if (url.Unknown is { } unknownUrl)
                    {
                        _anyFunction ??= new UnknownValue($"the TargetFunctionArn of function URL {resource.LogicalId} is unknown ({unknownUrl.Reason})", resource.Line);
                        continue;
                    }
                    if (url.LogicalId is { } urlFunction) AddUrl(urlFunction, resource.LogicalId, resource.Properties.Get("AuthType"), resource);
                    break;
                case TemplateTypes.ServerlessFunction:
                    if (resource.Properties.Get("FunctionUrlConfig") is MapValue urlConfig)
                        AddUrl(resource.LogicalId, resource.LogicalId + "UrlPublicPermissions", urlConfig.Get("AuthType"), resource);
                    else if (resource.Properties.Get("FunctionUrlConfig") is UnknownValue unknownConfig)
                        Unknown(resource.LogicalId, "FunctionUrlConfig", resource, unknownConfig);
                    foreach (var grant in SamEventPermissions.For(resource)) Add(resource.LogicalId, grant);
                    break;
            }
        }
    }

    public FunctionPolicy For(string logicalId)
    {
        if (_scope == TemplateScope.SingleResource) return new FunctionPolicy([], new UnknownValue(SeparateResources, 0));
        if (_unknown.TryGetValue(logicalId, out var unknown)) return new FunctionPolicy([], unknown);
        if (_anyFunction is not null) return new FunctionPolicy([], _anyFunction);
        return new FunctionPolicy(_grants.TryGetValue(logicalId, out var grants) ? grants : [], null);
    }

    /// <summary>A function URL: AuthType NONE is public, and SAM (as the console) grants lambda:InvokeFunctionUrl to everyone.</summary>
    private void AddUrl(string function, string sid, TemplateValue? authType, TemplateResource resource)
    {
        switch (authType)
        {
            case UnknownValue unknown: Unknown(function, "AuthType", resource, unknown); break;
            case ScalarValue { Text: "NONE" }:
                Add(function, new PolicyGrant(sid, new ScalarValue("*", false, resource.Line), "lambda:InvokeFunctionUrl",
                    [("StringEquals", "lambda:FunctionUrlAuthType", new ScalarValue("NONE", false, resource.Line))], resource.Line));
                break;
        }
    }

    private void Add(string function, PolicyGrant grant)
    {
        if (!_grants.TryGetValue(function, out var list)) _grants[function] = list = [];
        list.Add(grant);
    }

    private void Unknown(string function, string property, TemplateResource resource, UnknownValue unknown) =>
        _unknown.TryAdd(function, new UnknownValue($"the {property} of {resource.LogicalId} is unknown ({unknown.Reason})", resource.Line));

    private static void Condition(List<(string, string, TemplateValue)> conditions, string op, string key, TemplateValue? value)
    {
        if (value is not null) conditions.Add((op, key, value));
    }

    /// <summary>
    /// The template function a FunctionName or TargetFunctionArn names: <c>!Ref MyFunction</c>, <c>!GetAtt MyFunction.Arn</c>,
    /// SAM's <c>MyFunction.Alias</c>, an ARN built with <c>!Sub</c>, or the function's name written out. Null: a
    /// function outside the template. Unknown: cannot be told before deployment.
    /// </summary>
    internal static (string? LogicalId, UnknownValue? Unknown) FunctionOf(TemplateValue? value, IReadOnlyList<TemplateResource> functions)
    {
        string text;
        switch (value)
        {
            case ScalarValue scalar: text = scalar.Text; break;
            case UnknownValue { Symbol: { } symbol }: text = symbol; break;
            case UnknownValue unknown: return (null, unknown);
            default: return (null, null);
        }
        var marker = text.IndexOf(":function:", StringComparison.Ordinal);
        if (marker >= 0) text = text[(marker + ":function:".Length)..];
        if (TemplateReference.TryParse(text, out var reference) || TemplateReference.TryParse(text.Split(':')[0], out reference))
        {
            return functions.Any(f => f.LogicalId == reference.LogicalId)
                ? (reference.LogicalId, null)
                : (null, null);
        }
        var name = text.Split(':')[0];
        return (functions.FirstOrDefault(f => f.Properties.Get("FunctionName") is ScalarValue { Text: var n } && n == name)?.LogicalId, null);
    }
}
