using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaRuntime;

/// <summary>
/// Flags functions on a deprecated runtime (or one deprecating within the window) by the project's dated
/// runtime table, and functions on a runtime outside <c>allowedRuntimes</c>. A runtime the table does not
/// know (newer than the table) is never called deprecated: only <c>allowedRuntimes</c> can flag it.
/// </summary>
public sealed class LambdaRuntimeCheck : ConfigRule<LambdaRuntimeCheckParameters>
{
    private readonly RuntimeTable? _table;

    /// <summary>The rule with the embedded runtime table (read on first use).</summary>
    public LambdaRuntimeCheck() { }

    /// <summary>The rule with a given table (tests, or a host that ships a newer one).</summary>
    public LambdaRuntimeCheck(RuntimeTable table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    public override RuleDefinition Definition => LambdaRuntimeCheckDefinition.Value;

    private RuntimeTable Table => _table ?? RuntimeTable.Embedded;

    protected override LambdaRuntimeCheckParameters ReadParameters(ParameterReader reader) =>
        LambdaRuntimeCheckParameters.Read(reader);

    protected override ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, LambdaRuntimeCheckParameters parameters, RuleContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Judge(item, parameters, DateOnly.FromDateTime(context.Now.UtcDateTime)));

    private Verdict Judge(ConfigurationItem item, LambdaRuntimeCheckParameters parameters, DateOnly today)
    {
        if (LambdaFunctionFacts.IsContainerImage(item))
            return Verdict.NotApplicable(LambdaFunctionFacts.ContainerImageNote);
        var runtime = item.Configuration.GetStringOrNull("runtime");
        if (string.IsNullOrWhiteSpace(runtime))
            return Verdict.NotApplicable("The configuration records no runtime, so there is nothing to judge.");

        var allowed = parameters.Allows(runtime);
        if (Table.TryFind(runtime, out var entry))
        {
            if (entry.IsDeprecatedOn(today))
                return Verdict.NonCompliant(RuntimeAnnotations.Deprecated(entry, allowed));
            if (entry.DaysUntilDeprecation(today) is { } days && days <= parameters.DeprecationWindowDays)
                return Verdict.NonCompliant(RuntimeAnnotations.DeprecatesSoon(entry, days, allowed));
        }
        if (!allowed)
            return Verdict.NonCompliant(RuntimeAnnotations.NotAllowed(runtime, parameters.AllowedRuntimes));
        return entry is null
            ? Verdict.Compliant(RuntimeAnnotations.Unknown(runtime, Table.CheckedOn))
            : Verdict.Compliant(RuntimeAnnotations.Supported(entry));
    }
}
