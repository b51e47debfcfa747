using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaConcurrency;

/// <summary>lambda-concurrency-check's parameters; a null limit means no limit on that side.</summary>
public sealed record LambdaConcurrencyCheckParameters(bool RequireReservedConcurrency, long? ConcurrencyLimitLow, long? ConcurrencyLimitHigh);

/// <summary>
/// Flags functions without reserved concurrency while it is required, or with reserved concurrency outside the
/// inclusive limits. Reserved concurrency comes from the item's <c>Concurrency</c> supplementary configuration,
/// else from <see cref="IFunctionConcurrencyLookup"/>. Zero (a throttled function) is a value like any other.
/// </summary>
public sealed class LambdaConcurrencyCheck : ConfigRule<LambdaConcurrencyCheckParameters>
{
    private const string SupplementaryKey = "Concurrency";
    private static readonly string ReservedField = LambdaConcurrencyCheckDefinition.Limits.Field;

    private static NumberBound Limits => LambdaConcurrencyCheckDefinition.Limits;

    public override RuleDefinition Definition => LambdaConcurrencyCheckDefinition.Value;

    protected override LambdaConcurrencyCheckParameters ReadParameters(ParameterReader reader)
    {
        var require = reader.GetBoolean("requireReservedConcurrency") ?? true;
        var limits = Limits.ReadRange(reader);
        return new LambdaConcurrencyCheckParameters(require, limits.Minimum, limits.Maximum);
    }

    protected override async ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, LambdaConcurrencyCheckParameters parameters, RuleContext context, CancellationToken cancellationToken)
    {
        var reading = await ReadReservedAsync(item, context, cancellationToken).ConfigureAwait(false);
        return reading.Unavailable is { } why ? Verdict.NotApplicable(why) : Judge(reading, parameters);
    }

    private static Verdict Judge(ReservedReading reading, LambdaConcurrencyCheckParameters parameters)
    {
        var (low, high) = (parameters.ConcurrencyLimitLow, parameters.ConcurrencyLimitHigh);
        if (reading.Reserved is not { } value)
        {
            var source = reading.Source is { } from ? $" (read from {from})" : "";
            return parameters.RequireReservedConcurrency
                ? Verdict.NonCompliant(
                    $"No reserved concurrency is set{source}, and it is required; set ReservedConcurrentExecutions{Range(low, high)} or set lambda-concurrency-check's requireReservedConcurrency to false.")
                : Verdict.Compliant($"No reserved concurrency is set{source}, which is allowed (requireReservedConcurrency is false).");
        }
        return Limits.Outside(value, new NumberRange(low, high), LambdaConcurrencyCheckDefinition.Value.Id) ?? Verdict.Compliant(low is null && high is null
            ? $"Reserved concurrency {value} is set; no limits are configured."
            : $"Reserved concurrency {value} is within the limits{Range(low, high)}.");
    }

    /// <summary>The configured limits in words, for annotations; empty when there are none.</summary>
    private static string Range(long? low, long? high) => (low, high) switch
    {
        ({ } min, { } max) => $" ({min} to {max})",
        ({ } min, null) => $" (at least {min})",
        (null, { } max) => $" (at most {max})",
        _ => "",
    };

    /// <summary>The reserved concurrency (null: none reserved) and where it was read when not from the item, or why it cannot be known.</summary>
    private readonly record struct ReservedReading(long? Reserved, string? Unavailable, string? Source = null);

    private static async ValueTask<ReservedReading> ReadReservedAsync(ConfigurationItem item, RuleContext context, CancellationToken cancellationToken)
    {
        if (item.SupplementaryConfiguration.TryGetValue(SupplementaryKey, out var concurrency))
        {
            // Config records the Concurrency object with the field only when concurrency is reserved.
            if (!JsonValues.TryGetNonNullProperty(concurrency, ReservedField, out var value)) return new(null, null);
            return JsonValues.TryReadInt64(value, out var reserved)
                ? new(reserved, null)
                : new(null, $"supplementaryConfiguration.Concurrency.{ReservedField} is not a whole number, so there is nothing to judge.");
        }
        var lookup = context.Services.GetRequired<IFunctionConcurrencyLookup>();
        var found = await lookup.GetReservedConcurrencyAsync(LambdaFunctionFacts.FunctionName(item), cancellationToken).ConfigureAwait(false);
        return new(found, null, lookup.Source);
    }
}
