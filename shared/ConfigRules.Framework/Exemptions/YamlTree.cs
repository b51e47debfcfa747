using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ConfigRules.Framework.Exemptions;

/// <summary>
/// A YAML (or JSON) document as plain nodes with lines, read from YamlDotNet's event parser (no reflection).
/// Unlike YamlDotNet's representation model it keeps duplicate keys, so that the document's reader can report
/// them together with every other problem instead of stopping at the first.
/// </summary>
internal abstract record YamlTreeNode(int Line);

/// <summary>A scalar's text as written; <see cref="IsNull"/> for a plain null (<c>~</c>, <c>null</c>, nothing).</summary>
internal sealed record YamlTreeScalar(int Line, string Value, bool IsNull) : YamlTreeNode(Line);

internal sealed record YamlTreeMapping(int Line, IReadOnlyList<KeyValuePair<YamlTreeNode, YamlTreeNode>> Pairs) : YamlTreeNode(Line);

internal sealed record YamlTreeSequence(int Line, IReadOnlyList<YamlTreeNode> Items) : YamlTreeNode(Line);

/// <summary>An alias (<c>*name</c>): not resolved, the document's reader refuses it.</summary>
internal sealed record YamlTreeAlias(int Line) : YamlTreeNode(Line);

internal static class YamlTree
{
    /// <summary>Deeper than any exemptions document: a bound so that hostile input cannot exhaust the stack.</summary>
    private const int MaxDepth = 32;

    /// <summary>The single document's root node, or null for an empty stream.</summary>
    /// <exception cref="YamlException">The text is not YAML, holds several documents or nests too deeply.</exception>
    public static YamlTreeNode? Read(string text)
    {
        // JSON allows tabs as whitespace where YAML does not (indentation); outside quoted text (where JSON
        // forbids raw tabs) a tab is only ever a separator, and inside YAML text whitespace is collapsed later.
        var parser = new Parser(new StringReader(text.Replace('\t', ' ')));
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _)) return null;
        parser.Consume<DocumentStart>();
        var root = ReadNode(parser, 0);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
            throw new YamlException(second.Start, second.End, "a second document starts here; the exemptions file holds exactly one.");
        parser.Consume<StreamEnd>();
        return root;
    }

    private static YamlTreeNode ReadNode(IParser parser, int depth)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
            return new YamlTreeScalar(LineOf(scalar), scalar.Value, isNull);
        }
        if (parser.TryConsume<AnchorAlias>(out var alias)) return new YamlTreeAlias(LineOf(alias));
        if (depth >= MaxDepth)
            throw new YamlException(parser.Current!.Start, parser.Current.End, $"nesting deeper than {MaxDepth} levels.");
        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlTreeNode>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, depth + 1));
            return new YamlTreeSequence(LineOf(sequenceStart), items);
        }
        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var pairs = new List<KeyValuePair<YamlTreeNode, YamlTreeNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, depth + 1);
                pairs.Add(new(key, ReadNode(parser, depth + 1)));
            }
            return new YamlTreeMapping(LineOf(mappingStart), pairs);
        }
        var unexpected = parser.Current!;
        throw new YamlException(unexpected.Start, unexpected.End, $"unexpected {unexpected.GetType().Name}.");
    }

    private static int LineOf(ParsingEvent parsingEvent) => (int)parsingEvent.Start.Line;
}
