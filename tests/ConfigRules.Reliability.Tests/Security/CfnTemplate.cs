using ConfigRules.Testing;
using YamlDotNet.RepresentationModel;

namespace ConfigRules.Reliability.Tests.Security;

/// <summary>
/// A CloudFormation YAML template read as plain data: maps, lists and strings, with the short-form intrinsic
/// tags turned into their long form (<c>!Ref X</c> -> <c>{Ref: X}</c>, <c>!GetAtt A.B</c> -> <c>{Fn::GetAtt: [A, B]}</c>).
/// </summary>
public static class CfnTemplate
{
    public static Dictionary<string, object?> Load(string relativePath)
    {
        using var reader = new StringReader(File.ReadAllText(RepositoryPaths.InRepo(relativePath.Split('/'))));
        var stream = new YamlStream();
        stream.Load(reader);
        return (Dictionary<string, object?>)Convert(stream.Documents[0].RootNode)!;
    }

    private static object? Convert(YamlNode node)
    {
        object? value = node switch
        {
            YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Convert(p.Value), StringComparer.Ordinal),
            YamlSequenceNode list => list.Children.Select(Convert).ToList(),
            YamlScalarNode scalar => scalar.Value,
            _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
        };
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        if (tag is null || !tag.StartsWith('!') || tag.StartsWith("!!", StringComparison.Ordinal) || tag.StartsWith("tag:", StringComparison.Ordinal)) return value;
        var name = tag[1..];
        return name switch
        {
            "Ref" => new Dictionary<string, object?> { ["Ref"] = value },
            "GetAtt" when value is string text => new Dictionary<string, object?> { ["Fn::GetAtt"] = text.Split('.', 2).Cast<object?>().ToList() },
            _ => new Dictionary<string, object?> { ["Fn::" + name] = value },
        };
    }

    public static IEnumerable<(string LogicalId, Dictionary<string, object?> Resource)> Resources(this Dictionary<string, object?> template, string? type = null) =>
        ((Dictionary<string, object?>)template["Resources"]!)
            .Select(r => (r.Key, (Dictionary<string, object?>)r.Value!))
            .Where(r => type is null || (string?)r.Item2["Type"] == type);

    public static Dictionary<string, object?>? Map(this Dictionary<string, object?> node, string key) =>
        node.TryGetValue(key, out var value) ? value as Dictionary<string, object?> : null;

    public static IEnumerable<object?> AsList(object? value) => value switch
    {
        null => [],
        List<object?> list => list,
        _ => [value],
    };

    /// <summary>Every node of the tree with its path, for finding policy statements wherever they sit.</summary>
    public static IEnumerable<(string Path, object? Node)> Walk(object? node, string path = "")
    {
        yield return (path, node);
        switch (node)
        {
            case Dictionary<string, object?> map:
                foreach (var (key, child) in map)
                    foreach (var step in Walk(child, path + "/" + key)) yield return step;
                break;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                    foreach (var step in Walk(list[i], path + "/" + i)) yield return step;
                break;
        }
    }
}
