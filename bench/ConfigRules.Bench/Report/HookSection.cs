using System.Globalization;
using System.Text;
using ConfigRules.Bench.Hook;
using static ConfigRules.Bench.Report.PerformanceReport;

namespace ConfigRules.Bench.Report;

/// <summary>The deployment hook's decision time, as a share of the 30 seconds CloudFormation waits for it.</summary>
internal static class HookSection
{
    public static string Render(SuiteResults results)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("## 6. Deployment hook decision time");
        md.AppendLine();
        md.AppendLine("`cloudformation-hook` in process, every rule of the catalog at its defaults, the payload served from memory (the");
        md.AppendLine("presigned-URL fetch is CloudFormation's S3 round trip, not the hook's work); one request first (a warm function has");
        md.AppendLine("served one), then the measured ones. CloudFormation waits at most 30 s for the answer.");
        md.AppendLine();
        if (results.Hook is not { } hook)
        {
            md.AppendLine(inv, $"Not measured: {results.Missing.GetValueOrDefault("hook")}");
            md.AppendLine();
            return md.ToString();
        }
        md.AppendLine("| Request | Rule verdicts | Runs | Median | Median / 30 s | Slowest | Slowest / 30 s |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var h in hook)
            md.AppendLine(inv, $"| {h.Case} | {h.Annotations:N0} | {h.Iterations} | {Ms(h.Median)} | {h.MedianShareOfBudget:0.00000} | {Ms(h.Max)} | {h.MaxShareOfBudget:0.00000} ({h.MaxShareOfBudget * 100:0.000} %) |");
        md.AppendLine();
        return md.ToString();
    }

    /// <summary>The targets row: every kind of request well within the budget.</summary>
    public static string TargetRow(SuiteResults results) => results.Hook is { Count: > 0 } hook
        ? string.Create(CultureInfo.InvariantCulture,
            $"| Hook: a decision well within CloudFormation's 30 s | {string.Join("; ", hook.Select(h => $"{h.Case}: {Ms(h.Max)} slowest, {h.MaxShareOfBudget:0.00000} of the budget"))} | {Met(hook.All(h => h.MaxShareOfBudget < 0.1))} |")
        : $"| Hook decision time | not measured: {results.Missing.GetValueOrDefault("hook")} | no |";
}
