using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace ConfigRules.CloudFormation;

/// <summary>
/// Resolves intrinsic functions with what is known before deployment: <c>Ref</c> to a parameter uses its Default,
/// <c>Fn::Sub</c>/<c>Join</c>/<c>Select</c>/<c>Split</c>/<c>FindInMap</c>/<c>If</c> compute when their inputs are known.
/// Everything else (<c>GetAtt</c>, <c>Ref</c> to a resource or pseudo parameter, imports, parameters without a
/// default) becomes an <see cref="UnknownValue"/> that names the intrinsic: never a guess.
/// </summary>
public sealed class IntrinsicResolver
{
    private readonly TemplateDocument _template;
    private readonly YamlMappingNode? _parameters;
    private readonly YamlMappingNode? _resources;
    private readonly YamlMappingNode? _mappings;
    private readonly YamlMappingNode? _conditions;
    private readonly ConditionEvaluator _conditionEvaluator;
    private readonly SamGeneratedReferences _samGenerated;

    public IntrinsicResolver(TemplateDocument template)
    {
        _template = template;
        _parameters = template.Section("Parameters");
        _resources = template.Section("Resources");
        _mappings = template.Section("Mappings");
        _conditions = template.Section("Conditions");
        _conditionEvaluator = new ConditionEvaluator(this, _conditions, template.File);
        _samGenerated = new SamGeneratedReferences(_resources);
    }

    /// <summary>The resolved value, or null for <c>AWS::NoValue</c>.</summary>
    public TemplateValue? Resolve(YamlNode node)
    {
        var line = TemplateDocument.LineOf(node);
        if (IntrinsicName(node) is { } function) return Apply(function, ArgumentOf(node), line);
        switch (node)
        {
            case YamlScalarNode scalar:
                return new ScalarValue(scalar.Value ?? string.Empty, scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any, line);
            case YamlSequenceNode sequence:
                var items = new List<TemplateValue>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    if (Resolve(child) is { } value) items.Add(value);
                }
                return new ListValue(items, line);
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<string, TemplateValue>>(mapping.Children.Count);
                foreach (var (key, child) in mapping.Children)
                {
                    if (Resolve(child) is { } value) entries.Add(new(((YamlScalarNode)key).Value ?? string.Empty, value));
                }
                return new MapValue(entries, line);
            default:
                throw new TemplateException(_template.File, line, "holds a YAML alias or node kind that templates do not use.");
        }
    }

    /// <summary>"Fn::Sub" for <c>!Sub</c> or <c>{"Fn::Sub": ...}</c>, "Ref" for <c>!Ref</c>; null for plain nodes.</summary>
    internal static string? IntrinsicName(YamlNode node)
    {
        if (!node.Tag.IsEmpty && node.Tag.Value.StartsWith('!') && node.Tag.Value.Length > 1 && !node.Tag.Value.StartsWith("!!", StringComparison.Ordinal))
        {
            var name = node.Tag.Value[1..];
            return name is "Ref" or "Condition" ? name : "Fn::" + name;
        }
        if (node is YamlMappingNode { Children.Count: 1 } mapping &&
            mapping.Children.Keys.First() is YamlScalarNode { Value: { } key } &&
            (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal)))
            return key;
        return null;
    }

    internal static YamlNode ArgumentOf(YamlNode node) =>
        node.Tag.IsEmpty || !node.Tag.Value.StartsWith('!') ? ((YamlMappingNode)node).Children.Values.First() : node;

    private TemplateValue? Apply(string function, YamlNode argument, int line) => function switch
    {
        "Ref" => ResolveRef(ScalarText(argument, function), line),
        "Fn::GetAtt" => new UnknownValue($"it is !GetAtt {GetAttName(argument)}, known only after deployment", line, $"${{{GetAttName(argument)}}}") { GetAtt = GetAttParts(argument) },
        "Fn::Sub" => ResolveSub(argument, line),
        "Fn::Join" => ResolveJoin(argument, line),
        "Fn::Select" => ResolveSelect(argument, line),
        "Fn::Split" => ResolveSplit(argument, line),
        "Fn::If" => ResolveIf(argument, line),
        "Fn::FindInMap" => ResolveFindInMap(argument, line),
        _ => new UnknownValue($"it is {function.Replace("Fn::", "!", StringComparison.Ordinal)}, resolved only at deployment", line),
    };

    private TemplateValue? ResolveRef(string name, int line)
    {
        if (name == "AWS::NoValue") return null;
        if (_parameters is not null && _parameters.Children.TryGetValue(new YamlScalarNode(name), out var parameter))
        {
            if (parameter is YamlMappingNode definition && definition.Children.TryGetValue(new YamlScalarNode("Default"), out var fallback))
            {
                var value = Resolve(fallback);
                var type = definition.Children.TryGetValue(new YamlScalarNode("Type"), out var t) ? (t as YamlScalarNode)?.Value : null;
                return value is ScalarValue scalar && type is not null && (type.StartsWith("List<", StringComparison.Ordinal) || type == "CommaDelimitedList")
                    ? new ListValue([.. scalar.Text.Split(',', StringSplitOptions.TrimEntries).Select(s => new ScalarValue(s, false, line))], line)
                    : value;
            }
            return new UnknownValue($"it is !Ref {name}, a parameter without a Default", line);
        }
        if (name.StartsWith("AWS::", StringComparison.Ordinal))
            return new UnknownValue($"it is !Ref {name}, known only at deployment", line, $"${{{name}}}");
        if (_resources is not null && _resources.Children.ContainsKey(new YamlScalarNode(name)))
            return new UnknownValue($"it is !Ref {name}, a resource known only after deployment", line, $"${{{name}}}");
        if (_samGenerated.Describe(name) is { } generated)
            return new UnknownValue(generated, line, $"${{{name}}}");
        throw new TemplateException(_template.File, line, $"refers to '{name}', which is neither a parameter, a pseudo parameter nor a resource of the template.");
    }

    private TemplateValue ResolveSub(YamlNode argument, int line)
    {
        string text;
        MapValue? variables = null;
        if (argument is YamlSequenceNode { Children.Count: 2 } pair)
        {
            text = ScalarText(pair.Children[0], "Fn::Sub");
            variables = Resolve(pair.Children[1]) as MapValue;
        }
        else text = ScalarText(argument, "Fn::Sub");

        var builder = new StringBuilder(text.Length);
        // The same text with each unknown part in ${...} notation, while every unknown part has a symbol.
        StringBuilder? symbol = new(text.Length);
        UnknownValue? firstUnknown = null;
        string? firstUnknownName = null;
        var index = 0;
        while (index < text.Length)
        {
            var open = text.IndexOf("${", index, StringComparison.Ordinal);
            if (open < 0) { builder.Append(text, index, text.Length - index); symbol?.Append(text, index, text.Length - index); break; }
            var close = text.IndexOf('}', open);
            if (close < 0) throw new TemplateException(_template.File, line, $"!Sub '{text}' has a '${{' without a closing '}}'.");
            builder.Append(text, index, open - index);
            symbol?.Append(text, index, open - index);
            var name = text[(open + 2)..close];
            index = close + 1;
            if (name.StartsWith('!')) { builder.Append("${").Append(name.AsSpan(1)).Append('}'); symbol?.Append("${!").Append(name.AsSpan(1)).Append('}'); continue; }
            var value = variables?.Get(name) ?? (name.Contains('.', StringComparison.Ordinal)
                ? new UnknownValue($"it is !Sub with ${{{name}}}, an attribute known only after deployment", line, $"${{{name}}}")
                : ResolveRef(name, line));
            switch (value)
            {
                case ScalarValue scalar: builder.Append(scalar.Text); symbol?.Append(scalar.Text); break;
                case UnknownValue unknown:
                    if (firstUnknown is null) { firstUnknown = unknown; firstUnknownName = name; }
                    if (unknown.Symbol is null) symbol = null;
                    else symbol?.Append(unknown.Symbol);
                    break;
                default: throw new TemplateException(_template.File, line, $"!Sub '{text}': ${{{name}}} is not a single value.");
            }
        }
        if (firstUnknown is not null)
            return new UnknownValue($"it is !Sub '{text}' and ${{{firstUnknownName}}} is unknown ({firstUnknown.Reason})", line, symbol?.ToString());
        return new ScalarValue(builder.ToString(), false, line);
    }

    private TemplateValue ResolveJoin(YamlNode argument, int line)
    {
        var (delimiter, list) = Pair(argument, "Fn::Join", line);
        if (list is UnknownValue unknown) return unknown;
        var parts = new List<string>();
        UnknownValue? firstUnknown = null;
        var symbolic = true;
        foreach (var item in AsList(list, "Fn::Join", line))
        {
            if (item is UnknownValue u)
            {
                firstUnknown ??= u;
                if (u.Symbol is null) symbolic = false;
                else parts.Add(u.Symbol);
                continue;
            }
            parts.Add(AsScalar(item, "Fn::Join", line));
        }
        var joined = string.Join(AsScalar(delimiter, "Fn::Join", line), parts);
        if (firstUnknown is not null) return firstUnknown with { Symbol = symbolic ? joined : null };
        return new ScalarValue(joined, false, line);
    }

    private TemplateValue ResolveSelect(YamlNode argument, int line)
    {
        var (indexValue, list) = Pair(argument, "Fn::Select", line);
        if (indexValue is UnknownValue unknownIndex) return unknownIndex;
        if (list is UnknownValue unknownList) return unknownList;
        var items = AsList(list, "Fn::Select", line);
        if (!int.TryParse(AsScalar(indexValue, "Fn::Select", line), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= items.Count)
            throw new TemplateException(_template.File, line, $"!Select index is not a whole number below {items.Count}.");
        return items[index];
    }

    private TemplateValue ResolveSplit(YamlNode argument, int line)
    {
        var (delimiter, source) = Pair(argument, "Fn::Split", line);
        if (source is UnknownValue unknown) return unknown;
        var separator = AsScalar(delimiter, "Fn::Split", line);
        return new ListValue([.. AsScalar(source, "Fn::Split", line).Split(separator).Select(s => new ScalarValue(s, false, line))], line);
    }

    private TemplateValue? ResolveIf(YamlNode argument, int line)
    {
        if (argument is not YamlSequenceNode { Children.Count: 3 } parts)
            throw new TemplateException(_template.File, line, "!If takes [condition, value if true, value if false].");
        var condition = ScalarText(parts.Children[0], "Fn::If");
        return _conditionEvaluator.Evaluate(condition, line) switch
        {
            true => Resolve(parts.Children[1]),
            false => Resolve(parts.Children[2]),
            null => new UnknownValue($"it is !If {condition}, a condition decided only at deployment", line),
        };
    }

    private TemplateValue ResolveFindInMap(YamlNode argument, int line)
    {
        if (argument is not YamlSequenceNode { Children.Count: >= 3 } parts)
            throw new TemplateException(_template.File, line, "!FindInMap takes [map, top-level key, second-level key].");
        var keys = new List<string>(3);
        foreach (var part in parts.Children.Take(3))
        {
            var value = Resolve(part);
            if (value is UnknownValue unknown) return new UnknownValue($"it is !FindInMap with an unknown key ({unknown.Reason})", line);
            keys.Add(AsScalar(value, "Fn::FindInMap", line));
        }
        YamlNode? node = _mappings;
        foreach (var key in keys)
        {
            node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var next) ? next : null;
            if (node is null)
                throw new TemplateException(_template.File, line, $"!FindInMap [{string.Join(", ", keys)}]: the Mappings section has no such entry.");
        }
        return Resolve(node!) ?? throw new TemplateException(_template.File, line, "!FindInMap found no value.");
    }

    private (TemplateValue First, TemplateValue Second) Pair(YamlNode argument, string function, int line)
    {
        if (argument is not YamlSequenceNode { Children.Count: 2 } parts)
            throw new TemplateException(_template.File, line, $"{function} takes a list of two values.");
        return (Resolve(parts.Children[0]) ?? new ListValue([], line), Resolve(parts.Children[1]) ?? new ListValue([], line));
    }

    private IReadOnlyList<TemplateValue> AsList(TemplateValue value, string function, int line) =>
        value as ListValue is { } list ? list.Items : throw new TemplateException(_template.File, line, $"{function} expects a list here.");

    internal string AsScalar(TemplateValue? value, string function, int line) =>
        value as ScalarValue is { } scalar ? scalar.Text : throw new TemplateException(_template.File, line, $"{function} expects a single value here.");

    internal string ScalarText(YamlNode node, string function) =>
        node is YamlScalarNode { Value: { } text }
            ? text
            : throw new TemplateException(_template.File, TemplateDocument.LineOf(node), $"{function} expects a plain name or text here.");

    private static (string, string)? GetAttParts(YamlNode argument) => GetAttName(argument).Split('.', 2) is [var resource, var attribute] ? (resource, attribute) : null;

    private static string GetAttName(YamlNode argument) => argument switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode sequence => string.Join('.', sequence.Children.Select(c => (c as YamlScalarNode)?.Value ?? "...")),
        _ => "...",
    };
}
