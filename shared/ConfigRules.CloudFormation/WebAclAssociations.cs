using ConfigRules.Framework.Model;

namespace ConfigRules.CloudFormation;

/// <summary>
/// Which web ACL each stage of the template gets: <c>AWS::WAFv2::WebACLAssociation</c> resources whose
/// <c>ResourceArn</c> names a stage of the template (<c>arn:aws:apigateway:${AWS::Region}::/restapis/${MyApi}/stages/${MyStage}</c>,
/// a stage name, <c>${MyApi.Stage}</c>, SAM's <c>${MyApiProdStage}</c>). A web ACL of the same template is written
/// <c>${MyAcl.Arn}</c> (its ARN exists only after deployment) and answers the WAF rule's offline lookup; an ARN
/// written out is kept as it is. A stage no association names has no web ACL, unless an association's target cannot
/// be told before deployment.
/// </summary>
internal sealed class WebAclAssociations
{
    private const string SeparateResource =
        "a web ACL is associated by a separate AWS::WAFv2::WebACLAssociation resource, seen only when the whole template is judged (check-template, the hook's STACK and CHANGE_SET targets)";

    private readonly Dictionary<string, TemplateValue> _byStage = new(StringComparer.Ordinal);
    private readonly UnknownValue? _unplaced;
    private readonly TemplateScope _scope;

    public WebAclAssociations(string file, IReadOnlyList<TemplateResource> resources, IReadOnlyList<TemplateStage> stages, TemplateScope scope)
    {
        _scope = scope;
        var webAcls = resources.Where(r => r.Type == TemplateTypes.WebAcl).ToDictionary(r => r.LogicalId, StringComparer.Ordinal);
        foreach (var association in resources.Where(r => r.Type == TemplateTypes.WebAclAssociation))
        {
            var target = association.Properties.Get("ResourceArn");
            var text = target switch { ScalarValue s => s.Text, UnknownValue u => u.Symbol, _ => null };
            if (text is null)
            {
                _unplaced ??= new UnknownValue(
                    $"the ResourceArn of web ACL association {association.LogicalId} is unknown ({(target as UnknownValue)?.Reason ?? "it is missing"}), so which stage it protects is known only after deployment",
                    association.Line);
                continue;
            }
            var stage = FindStage(text, stages);
            if (stage is null) continue; // another kind of resource, or a stage outside the template
            _byStage[stage.LogicalId] = WebAclOf(file, association, webAcls);
        }
    }

    /// <summary>The stage's web ACL ARN (text or <c>${Acl.Arn}</c>), unknown, or null when it has none.</summary>
    public TemplateValue? For(TemplateStage stage)
    {
        if (_scope == TemplateScope.SingleResource) return new UnknownValue(SeparateResource, stage.Line);
        return _byStage.TryGetValue(stage.LogicalId, out var arn) ? arn : _unplaced;
    }

    private static TemplateValue WebAclOf(string file, TemplateResource association, Dictionary<string, TemplateResource> webAcls)
    {
        var value = association.Properties.Get("WebACLArn")
            ?? throw new TemplateException(file, association.Line, $"web ACL association {association.LogicalId} has no WebACLArn.");
        if (value is UnknownValue { Symbol: { } symbol } unknown)
        {
            if (TemplateReference.TryParse(symbol, out var reference) && webAcls.TryGetValue(reference.LogicalId, out var acl))
            {
                return acl.Properties.Get("Rules") is UnknownValue rules
                    ? new UnknownValue($"the Rules of web ACL {acl.LogicalId} are unknown ({rules.Reason})", association.Line)
                    : new ScalarValue(TemplateReference.ArnOf(acl.LogicalId).Text, false, association.Line);
            }
            return new UnknownValue($"the WebACLArn of {association.LogicalId} names a web ACL outside the template ({unknown.Reason}), whose rules cannot be known before deployment", association.Line);
        }
        return value is UnknownValue other
            ? new UnknownValue($"the WebACLArn of {association.LogicalId} is unknown ({other.Reason}), so the web ACL's rules cannot be known before deployment", association.Line)
            : value;
    }

    /// <summary>The stage an API Gateway stage ARN names: <c>.../restapis/{api}/stages/{stage}</c>.</summary>
    private static TemplateStage? FindStage(string arn, IReadOnlyList<TemplateStage> stages)
    {
        const string apis = "/restapis/", stagesMarker = "/stages/";
        var apiStart = arn.IndexOf(apis, StringComparison.Ordinal);
        var stageStart = arn.IndexOf(stagesMarker, StringComparison.Ordinal);
        if (apiStart < 0 || stageStart < apiStart) return null;
        var apiPart = arn[(apiStart + apis.Length)..stageStart];
        var stagePart = arn[(stageStart + stagesMarker.Length)..];
        var api = TemplateReference.TryParse(apiPart, out var apiReference) ? apiReference.LogicalId : apiPart;
        if (TemplateReference.TryParse(stagePart, out var stageReference))
        {
            return stageReference.Attribute == "Stage"
                ? stages.FirstOrDefault(s => s.SamApi == stageReference.LogicalId)
                : stages.FirstOrDefault(s => s.LogicalId == stageReference.LogicalId);
        }
        return stages.FirstOrDefault(s => s.Api == api && s.StageName is ScalarValue { Text: var name } && name == stagePart);
    }
}
