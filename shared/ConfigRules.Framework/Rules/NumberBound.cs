using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;

namespace ConfigRules.Framework.Rules;

/// <summary>An inclusive range of whole numbers; a null bound means no limit on that side.</summary>
public sealed record NumberRange(long? Minimum, long? Maximum);

/// <summary>
/// A whole number of the configuration that a rule keeps within an inclusive range set by two of its integer
/// parameters, and how its annotations name it. Rules with nothing else to judge use <see cref="NumberBoundCheck"/>;
/// a rule that reads the number its own way still reads the range and words a value outside it through this.
/// </summary>
public sealed record NumberBound
{
    /// <summary>The configuration member holding the number, e.g. <c>timeout</c>.</summary>
    public required string Field { get; init; }

    /// <summary>What annotations call it, e.g. <c>Timeout</c>.</summary>
    public required string Label { get; init; }

    /// <summary>The unit written after each number (<c>s</c>, <c>MB</c>), or empty for a plain count.</summary>
    public string Unit { get; init; } = "";

    /// <summary>The resource property the owner changes to fix it, e.g. <c>Timeout</c>.</summary>
    public required string Property { get; init; }

    /// <summary>The integer parameter holding the minimum, as the rule's definition declares it.</summary>
    public required ParameterDefinition Minimum { get; init; }

    /// <summary>The integer parameter holding the maximum, as the rule's definition declares it.</summary>
    public required ParameterDefinition Maximum { get; init; }

    /// <summary>The two parameters, for the rule definition's <c>Parameters</c>.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters => [Minimum, Maximum];

    /// <summary>Where a template sets the number, for the rule definition's <c>TemplateInputs</c>.</summary>
    public TemplateInput TemplateInput => new(Field, Property);

    /// <summary>How a value above the maximum is said ("is above", "exceeds").</summary>
    public string AboveMaximum { get; init; } = "is above";

    /// <summary>The number with its unit, as annotations write it.</summary>
    public string Amount(long value) => Unit.Length == 0 ? $"{value}" : $"{value} {Unit}";

    /// <summary>
    /// Both bounds (null for one not set and without a default, or invalid and already reported); a minimum above
    /// its maximum is reported with the reader's other problems.
    /// </summary>
    public NumberRange ReadRange(ParameterReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var min = reader.GetInteger(Minimum.Name);
        var max = reader.GetInteger(Maximum.Name);
        if (min is { } low && max is { } high && low > high)
        {
            reader.AddProblem(
                $"parameter '{Minimum.Name}' ({low}) is above '{Maximum.Name}' ({high}); the minimum must be at most the maximum (the range is inclusive).");
        }
        return new NumberRange(min, max);
    }

    /// <summary>NON_COMPLIANT, saying what to change on either side, for a value outside the range; null within it.</summary>
    public Verdict? Outside(long value, NumberRange range, string ruleId)
    {
        ArgumentNullException.ThrowIfNull(range);
        if (range.Minimum is { } min && value < min)
        {
            return Verdict.NonCompliant(
                $"{Label} {Amount(value)} is below the minimum of {Amount(min)}; raise {Property} or lower {ruleId}'s {Minimum.Name}.");
        }
        if (range.Maximum is { } max && value > max)
        {
            return Verdict.NonCompliant(
                $"{Label} {Amount(value)} {AboveMaximum} the maximum of {Amount(max)}; lower {Property} or raise {ruleId}'s {Maximum.Name}.");
        }
        return null;
    }

    /// <summary>
    /// The note for a field the item does not record as a whole number (absent, or a value only known after
    /// deployment in a template): the rule then has nothing to judge rather than a guess.
    /// </summary>
    public static string MissingNumberNote(string field, JsonElement configuration) =>
        JsonValues.TryGetNonNullProperty(configuration, field, out _)
            ? $"The configuration's {field} is not a whole number, so there is nothing to judge."
            : $"The configuration records no {field}, so there is nothing to judge.";
}

/// <summary>
/// A whole rule made of data: one <see cref="NumberBound"/> read from the item's configuration and judged against
/// the range its parameters set. Missing or non-numeric values are NOT_APPLICABLE with
/// <see cref="NumberBound.MissingNumberNote"/>.
/// </summary>
public class NumberBoundCheck : ConfigRule<NumberRange>
{
    public NumberBoundCheck(RuleDefinition definition, NumberBound bound)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(bound);
        foreach (var parameter in bound.Parameters)
        {
            if (!definition.Parameters.Contains(parameter))
                throw new ArgumentException($"{definition.Id} does not declare the bound's parameter '{parameter.Name}'; declare Bound.Parameters.", nameof(definition));
        }
        Definition = definition;
        Bound = bound;
    }

    public override RuleDefinition Definition { get; }

    public NumberBound Bound { get; }

    protected override NumberRange ReadParameters(ParameterReader reader) => Bound.ReadRange(reader);

    protected override ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, NumberRange parameters, RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!item.Configuration.TryGetInt64(Bound.Field, out var value))
            return ValueTask.FromResult(Verdict.NotApplicable(NumberBound.MissingNumberNote(Bound.Field, item.Configuration)));
        return ValueTask.FromResult(
            Bound.Outside(value, parameters, Definition.Id) ?? Verdict.Compliant($"{Bound.Label} {Bound.Amount(value)} {Within(parameters)}."));
    }

    private string Within(NumberRange range) => (range.Minimum, range.Maximum) switch
    {
        ({ } min, { } max) => $"is within {min}-{Bound.Amount(max)}",
        ({ } min, null) => $"is at least the minimum of {Bound.Amount(min)}",
        (null, { } max) => $"is within the maximum of {Bound.Amount(max)}",
        _ => "is not limited",
    };
}
