using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaTimeout;

/// <summary>lambda-timeout-check's parameters: an inclusive range in seconds.</summary>
public sealed record LambdaTimeoutCheckParameters(long MinTimeout, long MaxTimeout);

/// <summary>Flags functions whose <c>timeout</c> (seconds) is outside the inclusive range.</summary>
public sealed class LambdaTimeoutCheck : ConfigRule<LambdaTimeoutCheckParameters>
{
    public override RuleDefinition Definition => LambdaTimeoutCheckDefinition.Value;

    protected override LambdaTimeoutCheckParameters ReadParameters(ParameterReader reader)
    {
        var (min, max) = ParameterRanges.Read(reader, "minTimeout", "maxTimeout");
        // Both have catalog defaults, so null only follows a reported problem.
        return new LambdaTimeoutCheckParameters(min ?? 0, max ?? 0);
    }

    protected override ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, LambdaTimeoutCheckParameters parameters, RuleContext context, CancellationToken cancellationToken)
    {
        if (!item.Configuration.TryGetInt64("timeout", out var timeout))
            return ValueTask.FromResult(Verdict.NotApplicable(LambdaFunctionFacts.MissingNumberNote("timeout", item.Configuration)));

        var verdict = timeout < parameters.MinTimeout
            ? Verdict.NonCompliant(
                $"Timeout {timeout} s is below the minimum of {parameters.MinTimeout} s; raise Timeout or lower lambda-timeout-check's minTimeout.")
            : timeout > parameters.MaxTimeout
                ? Verdict.NonCompliant(
                    $"Timeout {timeout} s exceeds the maximum of {parameters.MaxTimeout} s; lower Timeout or raise lambda-timeout-check's maxTimeout.")
                : Verdict.Compliant($"Timeout {timeout} s is within {parameters.MinTimeout}-{parameters.MaxTimeout} s.");
        return ValueTask.FromResult(verdict);
    }
}
