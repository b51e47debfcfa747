using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Selection;

/// <summary>A rule to run with its parameters, validated once by the rule itself.</summary>
public sealed record SelectedRule(IConfigRule Rule, object Parameters, IReadOnlyDictionary<string, string> RawParameters)
{
    public RuleDefinition Definition => Rule.Definition;
    public string Id => Rule.Definition.Id;
}
