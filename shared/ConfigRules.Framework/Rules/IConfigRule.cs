using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;

namespace ConfigRules.Framework.Rules;

/// <summary>The untyped face of a rule that hosts (Lambda, CLI) use. Rule authors derive from <see cref="ConfigRule{TParameters}"/>.</summary>
public interface IConfigRule
{
    RuleDefinition Definition { get; }

    /// <summary>Validates raw parameters once; throws <see cref="Events.InvalidParameterValueException"/> listing every problem.</summary>
    object ParseParameters(IReadOnlyDictionary<string, string> raw);

    /// <summary>Judges one applicable item (the framework has already handled scope, deletion and type).</summary>
    ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, object parameters, RuleContext context, CancellationToken cancellationToken);
}

/// <summary>
/// The rule author's surface: declare the rule as data, read parameters into an immutable record, judge one
/// item. Oversized items, deleted resources, timestamps, annotation limits, batching and clean-up are the
/// framework's. One way in each direction: hosts and tests parse with <see cref="ParseParameters"/> (which calls
/// the author's <see cref="ReadParameters"/> and reports every problem at once) and evaluate through
/// <see cref="IConfigRule.EvaluateAsync"/> (which calls the author's <see cref="EvaluateAsync"/>).
/// </summary>
public abstract class ConfigRule<TParameters> : IConfigRule where TParameters : class
{
    public abstract RuleDefinition Definition { get; }

    /// <summary>Reads typed values; problems are collected by the reader and reported together.</summary>
    protected abstract TParameters ReadParameters(ParameterReader reader);

    /// <summary>Judges one applicable item (the framework has already handled scope, deletion and type).</summary>
    protected abstract ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, TParameters parameters, RuleContext context, CancellationToken cancellationToken);

    /// <summary>Validates raw parameters once; throws <see cref="Events.InvalidParameterValueException"/> listing every problem.</summary>
    public TParameters ParseParameters(IReadOnlyDictionary<string, string> raw)
    {
        var reader = new ParameterReader(Definition, raw);
        var parameters = ReadParameters(reader);
        reader.ThrowIfInvalid();
        return parameters;
    }

    object IConfigRule.ParseParameters(IReadOnlyDictionary<string, string> raw) => ParseParameters(raw);

    ValueTask<Verdict> IConfigRule.EvaluateAsync(ConfigurationItem item, object parameters, RuleContext context, CancellationToken cancellationToken) =>
        EvaluateAsync(item, (TParameters)parameters, context, cancellationToken);
}
