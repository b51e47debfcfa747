using YamlDotNet.RepresentationModel;

namespace ConfigRules.CloudFormation;

/// <summary>
/// Reads a CloudFormation/SAM template into configuration items: <c>AWS::Lambda::Function</c>,
/// <c>AWS::Serverless::Function</c> (with SAM <c>Globals.Function</c>), <c>AWS::ApiGateway::RestApi</c>,
/// <c>AWS::Serverless::Api</c> (with <c>Globals.Api</c>) and the implicit API SAM creates for <c>Api</c> events of
/// functions and state machines. Execution roles the template creates (<c>AWS::IAM::Role</c>, and the role SAM
/// generates for a function without one) are items too, for the rules that read a function's role.
/// The resource id is the logical id; the item's source is the template file and the resource's line.
/// </summary>
public static class TemplateReader
{
    /// <summary>The logical id SAM gives the API it creates for functions' Api events without a RestApiId.</summary>
    public const string ImplicitApiLogicalId = "ServerlessRestApi";

    public static bool LooksLikeTemplate(TemplateDocument document) => document.Section("Resources") is not null;

    public static IReadOnlyList<TemplateItem> Read(TemplateDocument document)
    {
        var resources = document.Section("Resources")
            ?? throw new TemplateException(document.File, 1, "is not a CloudFormation template: it has no Resources section.");
        var resolver = new IntrinsicResolver(document);
        var globals = document.Section("Globals");
        var functionGlobals = GlobalsFor(globals, "Function", resolver);
        var apiGlobals = GlobalsFor(globals, "Api", resolver);

        var items = new List<TemplateItem>();
        // Execution roles first: a function may name one defined further down.
        var roles = new Dictionary<string, TemplateItem>(StringComparer.Ordinal);
        foreach (var (key, node) in resources.Children)
        {
            if (node is YamlMappingNode role && role.Children.TryGetValue(new YamlScalarNode("Type"), out var roleType)
                && (roleType as YamlScalarNode)?.Value == TemplateRoleMapper.RoleType)
            {
                var logicalId = ((YamlScalarNode)key).Value ?? string.Empty;
                var properties = role.Children.TryGetValue(new YamlScalarNode("Properties"), out var roleProperties)
                    ? resolver.Resolve(roleProperties) as MapValue : new MapValue([], TemplateDocument.LineOf(key));
                if (properties is not null && TemplateRoleMapper.MapRole(document.File, logicalId, properties, TemplateDocument.LineOf(key)) is { } mapped)
                    roles[logicalId] = mapped;
            }
        }
        items.AddRange(roles.Values);

        int? implicitApiLine = null;
        foreach (var (key, node) in resources.Children)
        {
            var logicalId = ((YamlScalarNode)key).Value ?? string.Empty;
            var line = TemplateDocument.LineOf(key);
            if (node is not YamlMappingNode resource)
                throw new TemplateException(document.File, line, $"resource {logicalId} must be a mapping with Type and Properties.");
            var type = resource.Children.TryGetValue(new YamlScalarNode("Type"), out var typeNode) ? (typeNode as YamlScalarNode)?.Value : null;
            var properties = resource.Children.TryGetValue(new YamlScalarNode("Properties"), out var propertiesNode)
                ? resolver.Resolve(propertiesNode) as MapValue ?? throw new TemplateException(document.File, TemplateDocument.LineOf(propertiesNode), $"the Properties of {logicalId} must be a mapping.")
                : new MapValue([], line);

            switch (type)
            {
                case "AWS::Lambda::Function":
                    items.Add(TemplateResourceMapper.MapFunction(document.File, logicalId, WithTemplateRole(properties, roles), serverless: false, line));
                    break;
                case "AWS::Serverless::Function":
                    var merged = WithTemplateRole(SamGlobals.Merge(functionGlobals, properties), roles);
                    if (merged.Get("Role") is null && TemplateRoleMapper.MapSamFunctionRole(document.File, logicalId, merged, line) is { } generated)
                    {
                        items.Add(generated);
                        merged = WithRole(merged, new ScalarValue(generated.Item.Arn!, Plain: false, line));
                    }
                    items.Add(TemplateResourceMapper.MapFunction(document.File, logicalId, merged, serverless: true, line));
                    implicitApiLine ??= ImplicitApiEventLine(properties);
                    break;
                case "AWS::Serverless::StateMachine":
                    // Api events of a state machine make SAM create the same implicit REST API as a function's.
                    implicitApiLine ??= ImplicitApiEventLine(properties);
                    break;
                case "AWS::ApiGateway::RestApi":
                    items.Add(TemplateResourceMapper.MapRestApi(document.File, logicalId, properties, line));
                    break;
                case "AWS::Serverless::Api":
                    items.Add(TemplateResourceMapper.MapServerlessApi(document.File, logicalId, SamGlobals.Merge(apiGlobals, properties), line));
                    break;
            }
        }

        if (implicitApiLine is { } apiLine && !resources.Children.ContainsKey(new YamlScalarNode(ImplicitApiLogicalId)))
            items.Add(TemplateResourceMapper.MapServerlessApi(document.File, ImplicitApiLogicalId, apiGlobals ?? new MapValue([], apiLine), apiLine));
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
