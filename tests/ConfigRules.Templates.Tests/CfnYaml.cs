using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace ConfigRules.Templates.Tests;

/// <summary>
/// Reads a CloudFormation YAML template as plain data (dictionaries, lists, strings) with the short-form
/// tags turned into their long forms (<c>!Ref X</c> -> {"Ref": "X"}, <c>!GetAtt A.B</c> -> {"Fn::GetAtt": ["A","B"]},
/// <c>!Sub s</c> -> {"Fn::Sub": s}, ...), as CloudFormation itself reads them.
/// </summary>
public static class CfnYaml
{
    public static Dictionary<string, object?> Parse(string text)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(text)) stream.Load(reader);
        if (stream.Documents.Count != 1) throw new FormatException($"Expected one YAML document, found {stream.Documents.Count}.");
        return Convert(stream.Documents[0].RootNode) as Dictionary<string, object?>
            ?? throw new FormatException("The template is not a mapping.");
    }

    private static object? Convert(YamlNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        object? value = node switch
        {
            YamlMappingNode map => map.Children.ToDictionary(
                entry => ((YamlScalarNode)entry.Key).Value ?? "", entry => Convert(entry.Value), StringComparer.Ordinal),
            YamlSequenceNode sequence => sequence.Children.Select(Convert).ToList(),
            YamlScalarNode scalar => scalar.Value,
            _ => throw new FormatException($"Unexpected YAML node {node.NodeType}."),
        };
        if (tag is null || !tag.StartsWith('!') || tag.StartsWith("tag:", StringComparison.Ordinal)) return value;
        var name = tag[1..];
        if (name == "Ref" || name == "Condition") return new Dictionary<string, object?> { [name] = value };
        if (name == "GetAtt" && value is string dotted)
        {
            var dot = dotted.IndexOf('.', StringComparison.Ordinal);
            return new Dictionary<string, object?> { ["Fn::GetAtt"] = new List<object?> { dotted[..dot], dotted[(dot + 1)..] } };
        }
        return new Dictionary<string, object?> { ["Fn::" + name] = value };
    }
}

/// <summary>Small accessors over parsed templates, failing with the path when a shape is not as expected.</summary>
public static class Cfn
{
    public static Dictionary<string, object?> Map(this object? node, string key) =>
        (node as Dictionary<string, object?>)?.GetValueOrDefault(key) as Dictionary<string, object?>
        ?? throw new AssertionException($"'{key}' is not a mapping.");

    public static List<object?> List(this object? node, string key) =>
        (node as Dictionary<string, object?>)?.GetValueOrDefault(key) as List<object?>
        ?? throw new AssertionException($"'{key}' is not a list.");

    public static string? Str(this object? node, string key) =>
        (node as Dictionary<string, object?>)?.GetValueOrDefault(key) as string;

    public static object? Get(this object? node, string key) => (node as Dictionary<string, object?>)?.GetValueOrDefault(key);

    public static Dictionary<string, object?> Ref(string name) => new() { ["Ref"] = name };

    public static IEnumerable<KeyValuePair<string, object?>> ResourcesOfType(this Dictionary<string, object?> template, string type) =>
        template.Map("Resources").Where(resource => resource.Value.Str("Type") == type);

    /// <summary>Every node of the tree, depth first, with its path.</summary>
    public static IEnumerable<(string Path, object? Node)> Walk(object? node, string path = "")
    {
        yield return (path, node);
        switch (node)
        {
            case Dictionary<string, object?> map:
                foreach (var (key, value) in map)
                    foreach (var child in Walk(value, $"{path}/{key}")) yield return child;
                break;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                    foreach (var child in Walk(list[i], $"{path}/{i}")) yield return child;
                break;
        }
    }

    /// <summary>A policy's Action or Resource as a list, whether written as one value or a list.</summary>
    public static List<object?> AsList(object? value) => value as List<object?> ?? [value];
}
