using YamlDotNet.RepresentationModel;

namespace ConfigRules.CloudFormation;

/// <summary>
/// Decides template Conditions with parameter defaults (<c>Fn::Equals</c>, <c>Not</c>, <c>And</c>, <c>Or</c>,
/// <c>Condition</c>); null when a condition depends on something known only at deployment.
/// </summary>
internal sealed class ConditionEvaluator(IntrinsicResolver resolver, YamlMappingNode? conditions, string file)
{
    private const int MaxDepth = 32;

    public bool? Evaluate(string name, int line, int depth = 0)
    {
        if (conditions is null || !conditions.Children.TryGetValue(new YamlScalarNode(name), out var node))
            throw new TemplateException(file, line, $"uses the condition '{name}', which the Conditions section does not define.");
        return EvaluateNode(node, depth + 1);
    }

    private bool? EvaluateNode(YamlNode node, int depth)
    {
        if (depth > MaxDepth) return null;
        var line = TemplateDocument.LineOf(node);
        var function = IntrinsicResolver.IntrinsicName(node)
            ?? (node is YamlMappingNode { Children.Count: 1 } m && m.Children.Keys.First() is YamlScalarNode { Value: "Condition" } ? "Condition" : null);
        var argument = function is null ? node : node.Tag.IsEmpty ? ((YamlMappingNode)node).Children.Values.First() : node;
        switch (function)
        {
            case "Condition":
                return Evaluate(resolver.ScalarText(argument, "Condition"), line, depth);
            case "Fn::Equals" when argument is YamlSequenceNode { Children.Count: 2 } pair:
                var left = resolver.Resolve(pair.Children[0]);
                var right = resolver.Resolve(pair.Children[1]);
                if (left is UnknownValue || right is UnknownValue) return null;
                return left is ScalarValue l && right is ScalarValue r && string.Equals(l.Text, r.Text, StringComparison.Ordinal);
            case "Fn::Not" when argument is YamlSequenceNode { Children.Count: 1 } single:
                return EvaluateNode(single.Children[0], depth + 1) is { } value ? !value : null;
            case "Fn::And" when argument is YamlSequenceNode all:
                return Combine(all, depth, and: true);
            case "Fn::Or" when argument is YamlSequenceNode any:
                return Combine(any, depth, and: false);
            default:
                throw new TemplateException(file, line, "is not a condition: expected Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition.");
        }
    }

    private bool? Combine(YamlSequenceNode operands, int depth, bool and)
    {
        var unknown = false;
        foreach (var operand in operands.Children)
        {
            switch (EvaluateNode(operand, depth + 1))
            {
                case null: unknown = true; break;
                case var value when value == !and: return !and;
            }
        }
        return unknown ? null : and;
    }
}
