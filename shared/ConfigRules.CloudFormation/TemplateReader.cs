using YamlDotNet.RepresentationModel;

namespace ConfigRules.CloudFormation;

/// <summary>
/// Reads a CloudFormation/SAM template into configuration items: functions (<c>AWS::Lambda::Function</c>,
/// <c>AWS::Serverless::Function</c> with SAM <c>Globals.Function</c>) with the resource policy their permissions,
/// function URLs and SAM events build; REST APIs (<c>AWS::ApiGateway::RestApi</c>, <c>AWS::Serverless::Api</c> with
/// <c>Globals.Api</c>, the implicit API SAM creates for <c>Api</c> events) and their stages with the web ACL associated
/// to each; and the related resources rules read (execution roles the template creates — <c>AWS::IAM::Role</c> and the
/// role SAM generates for a function without one —, web ACLs, alarms, trails).
/// The resource id is the logical id; the item's source is the template file and the resource's line.
/// </summary>
public static class TemplateReader
{
    /// <summary>The logical id SAM gives the API it creates for functions' Api events without a RestApiId.</summary>
    public const string ImplicitApiLogicalId = "ServerlessRestApi";

    public static bool LooksLikeTemplate(TemplateDocument document) => document.Section("Resources") is not null;

    public static IReadOnlyList<TemplateItem> Read(TemplateDocument document, TemplateScope scope = TemplateScope.WholeTemplate)
    {
        var resources = document.Section("Resources")
            ?? throw new TemplateException(document.File, 1, "is not a CloudFormation template: it has no Resources section.");
        var resolver = new IntrinsicResolver(document);
        var globals = document.Section("Globals");
        var functionGlobals = GlobalsFor(globals, "Function", resolver);
        var apiGlobals = GlobalsFor(globals, "Api", resolver);

        var read = new List<TemplateResource>();
        int? implicitApiLine = null;
        foreach (var (key, node) in resources.Children)
        {
            var logicalId = ((YamlScalarNode)key).Value ?? string.Empty;
            var line = TemplateDocument.LineOf(key);
            if (node is not YamlMappingNode resource)
                throw new TemplateException(document.File, line, $"resource {logicalId} must be a mapping with Type and Properties.");
            var type = resource.Children.TryGetValue(new YamlScalarNode("Type"), out var typeNode) ? (typeNode as YamlScalarNode)?.Value : null;
            // Only the types the mapping reads are resolved: an intrinsic elsewhere in the template is not our business.
            if (type is null || !(TemplateTypes.Read.Contains(type) || type == TemplateRoleMapper.RoleType)) continue;
            var properties = resource.Children.TryGetValue(new YamlScalarNode("Properties"), out var propertiesNode)
                ? resolver.Resolve(propertiesNode) as MapValue ?? throw new TemplateException(document.File, TemplateDocument.LineOf(propertiesNode), $"the Properties of {logicalId} must be a mapping.")
                : new MapValue([], line);
            switch (type)
            {
                case TemplateTypes.ServerlessFunction:
                    properties = SamGlobals.Merge(functionGlobals, properties);
                    implicitApiLine ??= ImplicitApiEventLine(properties);
                    break;
                case TemplateTypes.ServerlessStateMachine:
                    // Api events of a state machine make SAM create the same implicit REST API as a function's.
                    implicitApiLine ??= ImplicitApiEventLine(properties);
                    break;
                case TemplateTypes.ServerlessApi:
                    properties = SamGlobals.Merge(apiGlobals, properties);
                    break;
            }
            read.Add(new TemplateResource(logicalId, type, properties, line));
        }
        if (implicitApiLine is { } apiLine && !resources.Children.ContainsKey(new YamlScalarNode(ImplicitApiLogicalId)))
            read.Add(new TemplateResource(ImplicitApiLogicalId, TemplateTypes.ServerlessApi, apiGlobals ?? new MapValue([], apiLine), apiLine) { Implicit = true });

        var file = document.File;
        var stages = StageMapper.Stages(file, read);
        var webAcls = new WebAclAssociations(file, read, stages, scope);
        var policies = new FunctionPolicies(file, read, scope);
        var functionNames = read.Where(r => TemplateTypes.IsFunction(r.Type))
            .ToDictionary(r => r.LogicalId, r => (r.Properties.Get("FunctionName") as ScalarValue)?.Text ?? r.LogicalId, StringComparer.Ordinal);

        var items = new List<TemplateItem>();
        // Execution roles first: a function may name one defined further down.
        var roles = new Dictionary<string, TemplateItem>(StringComparer.Ordinal);
        foreach (var role in read.Where(r => r.Type == TemplateRoleMapper.RoleType))
        {
            if (TemplateRoleMapper.MapRole(file, role.LogicalId, role.Properties, role.Line) is { } mapped) roles[role.LogicalId] = mapped;
        }
        items.AddRange(roles.Values);

        foreach (var resource in read)
        {
            switch (resource.Type)
            {
                case TemplateTypes.LambdaFunction:
                    items.Add(TemplateResourceMapper.MapFunction(file, resource.LogicalId, WithTemplateRole(resource.Properties, roles),
                        serverless: false, resource.Line, policies.For(resource.LogicalId)));
                    break;
                case TemplateTypes.ServerlessFunction:
                    var merged = WithTemplateRole(resource.Properties, roles);
                    if (merged.Get("Role") is null && TemplateRoleMapper.MapSamFunctionRole(file, resource.LogicalId, merged, resource.Line) is { } generated)
                    {
                        items.Add(generated);
                        merged = WithRole(merged, new ScalarValue(generated.Item.Arn!, Plain: false, resource.Line));
                    }
                    items.Add(TemplateResourceMapper.MapFunction(file, resource.LogicalId, merged, serverless: true, resource.Line, policies.For(resource.LogicalId)));
                    break;
                case TemplateTypes.RestApi:
                    items.Add(TemplateResourceMapper.MapRestApi(file, resource.LogicalId, resource.Properties, resource.Line));
                    break;
                case TemplateTypes.ServerlessApi:
                    items.Add(TemplateResourceMapper.MapServerlessApi(file, resource.LogicalId, resource.Properties, resource.Line));
                    break;
                case TemplateTypes.WebAcl:
                    items.Add(RelatedResourceMapper.MapWebAcl(file, resource));
                    break;
                case TemplateTypes.Alarm:
                    items.Add(RelatedResourceMapper.MapAlarm(file, resource, functionNames));
                    break;
                case TemplateTypes.Trail:
                    items.Add(RelatedResourceMapper.MapTrail(file, resource));
                    break;
            }
        }
        foreach (var stage in stages) items.Add(StageMapper.Map(file, stage, webAcls.For(stage)));
        return items;
    }

    /// <summary><c>Role: !GetAtt X.Arn</c> of a role the template defines (and that could be mapped) becomes that role's ARN.</summary>
    private static MapValue WithTemplateRole(MapValue properties, Dictionary<string, TemplateItem> roles) =>
        properties.Get("Role") is UnknownValue { GetAtt: ({ } resource, "Arn") } reference && roles.TryGetValue(resource, out var role)
            ? WithRole(properties, new ScalarValue(role.Item.Arn!, Plain: false, reference.Line))
            : properties;

    private static MapValue WithRole(MapValue properties, TemplateValue role) =>
        new([.. properties.Entries.Where(entry => entry.Key != "Role"), new("Role", role)], properties.Line);

    private static MapValue? GlobalsFor(YamlMappingNode? globals, string section, IntrinsicResolver resolver) =>
        globals is not null && globals.Children.TryGetValue(new YamlScalarNode(section), out var node) ? resolver.Resolve(node) as MapValue : null;

    /// <summary>The line of the first <c>Api</c> event without a <c>RestApiId</c>: SAM makes ServerlessRestApi for it.</summary>
    private static int? ImplicitApiEventLine(MapValue properties)
    {
        if (properties.Get("Events") is not MapValue events) return null;
        foreach (var (_, value) in events.Entries)
        {
            if (value is MapValue evt && evt.Get("Type") is ScalarValue { Text: "Api" } &&
                (evt.Get("Properties") as MapValue)?.Get("RestApiId") is null)
                return evt.Line;
        }
        return null;
    }
}

/// <summary>
/// SAM's Globals rules: a resource's own value wins over the global one, maps merge key by key, and lists are
/// joined (global entries first).
/// </summary>
internal static class SamGlobals
{
    public static MapValue Merge(MapValue? globals, MapValue resource)
    {
        if (globals is null) return resource;
        var merged = new List<KeyValuePair<string, TemplateValue>>();
        foreach (var (key, global) in globals.Entries)
        {
            var own = resource.Get(key);
            merged.Add(new(key, (global, own) switch
            {
                (_, null) => global,
                (MapValue g, MapValue o) => Merge(g, o),
                (ListValue g, ListValue o) => new ListValue([.. g.Items, .. o.Items], o.Line),
                _ => own,
            }));
        }
        merged.AddRange(resource.Entries.Where(entry => globals.Get(entry.Key) is null));
        return new MapValue(merged, resource.Line);
    }
}
