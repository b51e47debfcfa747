using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Framework.Tests;

/// <summary>A small rule exercising the author's surface: flags memory above a maximum.</summary>
internal sealed class MaxMemoryRule : ConfigRule<MaxMemoryRule.Settings>
{
    public sealed record Settings(long Min, long Max, bool Strict);

    public static readonly RuleDefinition Data = new()
    {
        Id = "test-max-memory",
        Title = "Test rule",
        Description = "Flags functions above a memory maximum.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.Medium,
        Parameters =
        [
            new("minMemory", ParameterKind.Integer, "128", "Minimum MB.", Minimum: 128, Maximum: 10240),
            new("maxMemory", ParameterKind.Integer, "1024", "Maximum MB.", Minimum: 128, Maximum: 10240),
            new("strict", ParameterKind.Boolean, "false", "Strict mode."),
            new("names", ParameterKind.StringList, null, "Names."),
            new("pattern", ParameterKind.Regex, null, "Pattern."),
        ],
        Remediation = "Lower MemorySize.",
    };

    public override RuleDefinition Definition => Data;

    protected override Settings ReadParameters(ParameterReader reader)
    {
        var min = reader.GetInteger("minMemory") ?? 128;
        var max = reader.GetInteger("maxMemory") ?? 1024;
        reader.GetList("names");
        reader.GetFullMatchRegex("pattern");
        if (min > max) reader.AddProblem($"minMemory {min} is above maxMemory {max}; the minimum must not exceed the maximum.");
        return new Settings(min, max, reader.GetBoolean("strict") ?? false);
    }

    protected override ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, Settings parameters, RuleContext context, CancellationToken cancellationToken)
    {
        if (!item.Configuration.TryGetInt64("memorySize", out var memory))
            return ValueTask.FromResult(Verdict.NotApplicable("The function reports no memorySize."));
        return ValueTask.FromResult(memory > parameters.Max
            ? Verdict.NonCompliant($"Memory {memory} MB is above the maximum of {parameters.Max} MB.")
            : Verdict.Compliant());
    }
}
