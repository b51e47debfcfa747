using ConfigRules.Framework.Rules;

namespace ConfigRules.CloudFormation;

/// <summary>
/// Which of a rule's inputs a template cannot tell: every host that judges template resources (check-template,
/// the deployment hook) makes such a rule NOT_APPLICABLE with this note instead of judging a guess.
/// </summary>
public static class TemplateUnknowns
{
    /// <summary>The note for the first field the rule judges (as its definition declares) that the template cannot tell, or null.</summary>
    public static string? FirstFor(RuleDefinition definition, IReadOnlyDictionary<string, string> unknowns)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(unknowns);
        if (unknowns.Count == 0) return null;
        foreach (var input in definition.TemplateInputs)
        {
            if (unknowns.TryGetValue(input.ConfigurationField, out var note)) return note;
        }
        return null;
    }
}
