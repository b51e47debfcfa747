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
/// The rule author's surface: declare the rule as data, parse parameters into an immutable record, judge one
/// item. Oversized items, deleted resources, timestamps, annotation limits, batching and clean-up are the
/// framework's.
/// </summary>
public abstract class ConfigRule<TParameters> : IConfigRule where TParameters : class
{
    public abstract RuleDefinition Definition { get; }

    /// <summary>Reads typed values; problems are collected by the reader and reported together.</summary>
    protected abstract TParameters ParseParameters(ParameterReader reader);

    protected abstract ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, TParameters parameters, RuleContext context, CancellationToken cancellationToken);

    public TParameters Parse(IReadOnlyDictionary<string, string> raw)
    {
        var reader = new ParameterReader(Definition, raw);
        var parameters = ParseParameters(reader);
        reader.ThrowIfInvalid();
        return parameters;
    }

    object IConfigRule.ParseParameters(IReadOnlyDictionary<string, string> raw) => Parse(raw);

    ValueTask<Verdict> IConfigRule.EvaluateAsync(ConfigurationItem item, object parameters, RuleContext context, CancellationToken cancellationToken) =>
        EvaluateAsync(item, (TParameters)parameters, context, cancellationToken);

    /// <summary>Evaluates with typed parameters, for tests and hosts that hold them.</summary>
    public ValueTask<Verdict> Evaluate(ConfigurationItem item, TParameters parameters, RuleContext context, CancellationToken cancellationToken = default) =>
        EvaluateAsync(item, parameters, context, cancellationToken);
}
