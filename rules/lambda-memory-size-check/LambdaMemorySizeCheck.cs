using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaMemorySize;

/// <summary>lambda-memory-size-check's parameters: an inclusive range in MB.</summary>
public sealed record LambdaMemorySizeCheckParameters(long MinMemorySize, long MaxMemorySize);

/// <summary>Flags functions whose <c>memorySize</c> (MB) is outside the inclusive range.</summary>
public sealed class LambdaMemorySizeCheck : ConfigRule<LambdaMemorySizeCheckParameters>
{
    public override RuleDefinition Definition => LambdaMemorySizeCheckDefinition.Value;

    protected override LambdaMemorySizeCheckParameters ReadParameters(ParameterReader reader)
    {
        var (min, max) = ParameterRanges.Read(reader, "minMemorySize", "maxMemorySize");
        // Both have catalog defaults, so null only follows a reported problem.
        return new LambdaMemorySizeCheckParameters(min ?? 0, max ?? 0);
    }

    protected override ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, LambdaMemorySizeCheckParameters parameters, RuleContext context, CancellationToken cancellationToken)
    {
        if (!item.Configuration.TryGetInt64("memorySize", out var memory))
            return ValueTask.FromResult(Verdict.NotApplicable(LambdaFunctionFacts.MissingNumberNote("memorySize", item.Configuration)));

        var verdict = memory < parameters.MinMemorySize
            ? Verdict.NonCompliant(
                $"Memory {memory} MB is below the minimum of {parameters.MinMemorySize} MB; raise MemorySize or lower lambda-memory-size-check's minMemorySize.")
            : memory > parameters.MaxMemorySize
                ? Verdict.NonCompliant(
                    $"Memory {memory} MB is above the maximum of {parameters.MaxMemorySize} MB; lower MemorySize or raise lambda-memory-size-check's maxMemorySize.")
                : Verdict.Compliant($"Memory {memory} MB is within {parameters.MinMemorySize}-{parameters.MaxMemorySize} MB.");
        return ValueTask.FromResult(verdict);
    }
}
