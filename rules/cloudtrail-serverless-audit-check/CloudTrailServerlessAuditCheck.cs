using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.CloudTrailServerlessAudit;

/// <summary>cloudtrail-serverless-audit-check's parameters: what a trail must record besides logging in every region.</summary>
public sealed record CloudTrailServerlessAuditCheckParameters(
    bool RequireLambdaDataEvents, bool RequireS3DataEvents, bool RequireInsights, bool RequireLogFileValidation);

/// <summary>
/// Judges an account (<c>AWS::::Account</c>, periodic): COMPLIANT when at least one trail that records the region
/// logs, is multi-region and (as required) records Lambda Invoke and S3 object data events, both Insights types and
/// validates its log files. In templates and hooks, each <c>AWS::CloudTrail::Trail</c> is judged on its own.
/// </summary>
public sealed class CloudTrailServerlessAuditCheck : ConfigRule<CloudTrailServerlessAuditCheckParameters>
{
    public override RuleDefinition Definition => CloudTrailServerlessAuditCheckDefinition.Value;

    protected override CloudTrailServerlessAuditCheckParameters ReadParameters(ParameterReader reader) => new(
        reader.GetBoolean("requireLambdaDataEvents") ?? true,
        reader.GetBoolean("requireS3DataEvents") ?? false,
        reader.GetBoolean("requireInsights") ?? true,
        reader.GetBoolean("requireLogFileValidation") ?? true);

    protected override async ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, CloudTrailServerlessAuditCheckParameters parameters, RuleContext context, CancellationToken cancellationToken)
    {
        if (item.ResourceType == TrailIndex.TrailResourceType)
            return JudgeOne(TrailIndex.FromConfiguration(item.Configuration, item.ResourceId), parameters);

        var lookup = context.Services.GetRequired<ITrailLookup>();
        var accountId = item.ResourceId;
        var found = await context.Memo.GetOrAddAsync("cloudtrail-serverless-audit-check:trails:" + accountId,
            ct => lookup.FindTrailsAsync(accountId, ct), cancellationToken).ConfigureAwait(false);
        return found.NotApplicableVerdict ?? JudgeAccount(accountId, found.Value, parameters);
    }

    private static Verdict JudgeAccount(string accountId, IReadOnlyList<TrailFacts> trails, CloudTrailServerlessAuditCheckParameters parameters)
    {
        if (trails.Count == 0)
            return Verdict.NonCompliant(
                $"No CloudTrail trail records account {accountId} in this region; create a logging multi-region trail with {Wanted(parameters)}.");
        var judged = trails.Select(trail => (Trail: trail, Gaps: TrailRequirements.Check(trail, parameters)))
            .OrderBy(t => t.Gaps.Unmet.Count).ThenBy(t => t.Gaps.Unknown.Count).ThenBy(t => t.Trail.Name, StringComparer.Ordinal).ToList();
        var best = judged[0];
        if (best.Gaps.Unmet.Count == 0 && best.Gaps.Unknown.Count == 0)
            return Verdict.Compliant($"Trail {best.Trail.Name} logs every region with {Wanted(parameters)}.");
        if (best.Gaps.Unmet.Count == 0)
            return Verdict.NotApplicable($"Trail {best.Trail.Name} meets what is known of it, but {string.Join("; ", best.Gaps.Unknown)}.");
        var others = judged.Count > 1 ? $" ({judged.Count - 1} other trail(s) fall short too)" : "";
        return Verdict.NonCompliant($"No trail meets the audit requirements. Trail {best.Trail.Name}: {string.Join("; ", best.Gaps.Unmet)}{others}.");
    }

    private static Verdict JudgeOne(TrailFacts trail, CloudTrailServerlessAuditCheckParameters parameters)
    {
        var gaps = TrailRequirements.Check(trail, parameters);
        if (gaps.Unmet.Count > 0) return Verdict.NonCompliant($"Trail {trail.Name}: {string.Join("; ", gaps.Unmet)}.");
        if (gaps.Unknown.Count > 0) return Verdict.NotApplicable($"Trail {trail.Name}: {string.Join("; ", gaps.Unknown)}.");
        return Verdict.Compliant($"Trail {trail.Name} logs every region with {Wanted(parameters)}.");
    }

    /// <summary>What the parameters ask for, in words.</summary>
    private static string Wanted(CloudTrailServerlessAuditCheckParameters parameters)
    {
        var parts = new List<string>();
        if (parameters.RequireLambdaDataEvents) parts.Add("Lambda data events");
        if (parameters.RequireS3DataEvents) parts.Add("S3 data events");
        if (parameters.RequireInsights) parts.Add("both Insights types");
        if (parameters.RequireLogFileValidation) parts.Add("log file validation");
        return parts.Count == 0 ? "management events" : string.Join(", ", parts);
    }
}
