using ConfigRules.CloudFormation;
using ConfigRules.Framework.Rules;
using YamlDotNet.RepresentationModel;

namespace ConfigRules.Cli.Selection;

/// <summary>A rule of a conformance pack with its InputParameters (pack Parameters' defaults filled in).</summary>
public sealed record PackRule(string RuleId, string ConfigRuleName, IReadOnlyDictionary<string, string> Parameters);

/// <summary>A conformance pack's ConfigRules rules.</summary>
public sealed record ConformancePack(string File, IReadOnlyList<PackRule> Rules, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Reads the pack's <c>AWS::Config::ConfigRule</c> resources. A rule is one of ours when its
    /// <c>ConfigRuleName</c> is (or ends with) a catalog id, as the packs name them; other rules (AWS managed
    /// rules, say) are listed in <see cref="Warnings"/> and skipped. <c>Ref</c> to pack Parameters uses their
    /// Default, exactly as deploying the pack without overrides would.
    /// </summary>
    public static ConformancePack Read(TemplateDocument document, IEnumerable<RuleDefinition> catalog)
    {
        var resources = document.Section("Resources")
            ?? throw new TemplateException(document.File, 1, "is not a conformance pack: it has no Resources section.");
        var ids = catalog.Select(d => d.Id).OrderByDescending(id => id.Length).ToArray();
        var resolver = new IntrinsicResolver(document);
        var rules = new List<PackRule>();
        var warnings = new List<string>();
        foreach (var (key, node) in resources.Children)
        {
            var logicalId = ((YamlScalarNode)key).Value ?? string.Empty;
            var line = TemplateDocument.LineOf(key);
            if (node is not YamlMappingNode resource || Scalar(resource, "Type") != "AWS::Config::ConfigRule") continue;
            var properties = resource.Children.TryGetValue(new YamlScalarNode("Properties"), out var p) ? resolver.Resolve(p) as MapValue : null;
            var name = properties?.Get("ConfigRuleName") switch
            {
                ScalarValue scalar => scalar.Text,
                null => logicalId,
                var other => throw new TemplateException(document.File, other.Line, $"the ConfigRuleName of {logicalId} must be known text (a literal or a parameter with a Default)."),
            };
            var ruleId = ids.FirstOrDefault(id => name == id || name.EndsWith("-" + id, StringComparison.Ordinal));
            if (ruleId is null)
            {
                warnings.Add($"{document.File}:{line}: rule {name} is not a ConfigRules rule; skipped.");
                continue;
            }
            rules.Add(new PackRule(ruleId, name, ReadParameters(document.File, logicalId, properties?.Get("InputParameters"))));
        }
        return new ConformancePack(document.File, rules, warnings);
    }

    private static Dictionary<string, string> ReadParameters(string file, string logicalId, TemplateValue? value)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is null) return parameters;
        if (value is not MapValue map)
            throw new TemplateException(file, value.Line, $"the InputParameters of {logicalId} must be a mapping of names to text.");
        foreach (var (name, entry) in map.Entries)
        {
            parameters[name] = entry switch
            {
                ScalarValue scalar => scalar.Text,
                ListValue list when list.Items.All(i => i is ScalarValue) => string.Join(',', list.Items.Cast<ScalarValue>().Select(s => s.Text)),
                UnknownValue unknown => throw new TemplateException(file, entry.Line, $"InputParameters.{name} of {logicalId} is unknown offline ({unknown.Reason}); give the pack parameter a Default or pass --param."),
                _ => throw new TemplateException(file, entry.Line, $"InputParameters.{name} of {logicalId} must be text."),
            };
        }
        return parameters;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;
}
