using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ConfigRules.CloudFormation;

/// <summary>
/// A CloudFormation or SAM template (or a conformance pack, which is one), YAML or JSON, loaded with YamlDotNet's
/// representation model: no reflection, short-form intrinsics (<c>!Ref</c>, <c>!Sub</c> ...) kept as node tags,
/// and a line for every node. Templates are small (CloudFormation caps them at 1 MB), so they load whole.
/// </summary>
public sealed class TemplateDocument
{
    private TemplateDocument(string file, YamlMappingNode root)
    {
        File = file;
        Root = root;
    }

    public string File { get; }
    public YamlMappingNode Root { get; }

    public YamlMappingNode? Section(string name) => Root.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node as YamlMappingNode : null;

    public static TemplateDocument Load(string file, string text)
    {
        // JSON is YAML 1.2 flow syntax, except that YAML refuses tabs where JSON allows them as whitespace.
        // Valid JSON has no raw tab inside strings, so replacing every tab with a space changes nothing else.
        if (text.AsSpan().TrimStart().StartsWith("{")) text = text.Replace('\t', ' ');
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new TemplateException(file, (int)ex.Start.Line, $"is not valid YAML or JSON: {ex.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new TemplateException(file, 1, "is not a template: expected a mapping with Resources at the top.");
        return new TemplateDocument(file, root);
    }

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    /// <summary>
    /// The template after a change: <paramref name="template"/>'s sections (parameters, conditions, globals) and
    /// resources, with each resource of <paramref name="changes"/> (a template of Resources only) added or put in
    /// place of the one with its logical id. Without a template, the changed resources alone.
    /// </summary>
    public static TemplateDocument Compose(string file, TemplateDocument? template, TemplateDocument changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var root = new YamlMappingNode();
        var resources = new YamlMappingNode();
        if (template is not null)
        {
            foreach (var (key, node) in template.Root.Children)
            {
                if (key is YamlScalarNode { Value: "Resources" }) continue;
                root.Children.Add(key, node);
            }
            if (template.Section("Resources") is { } before)
            {
                foreach (var (key, node) in before.Children) resources.Children[key] = node;
            }
        }
        if (changes.Section("Resources") is { } changed)
        {
            foreach (var (key, node) in changed.Children) resources.Children[key] = node;
        }
        root.Children.Add(new YamlScalarNode("Resources"), resources);
        return new TemplateDocument(file, root);
    }
}

/// <summary>A template that cannot be read or uses something wrongly; names the file and line.</summary>
public sealed class TemplateException(string file, int line, string problem)
    : Exception($"{file}:{line}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
