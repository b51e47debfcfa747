namespace ConfigRules.Rules.CloudTrailServerlessAudit;

/// <summary>What one trail lacks (<see cref="Unmet"/>) and what cannot be told of it (<see cref="Unknown"/>), in words.</summary>
public sealed record TrailGaps(IReadOnlyList<string> Unmet, IReadOnlyList<string> Unknown);

/// <summary>The requirements a trail is held to, each met, unmet or unknown.</summary>
public static class TrailRequirements
{
    public static readonly IReadOnlyList<string> InsightTypes = ["ApiCallRateInsight", "ApiErrorRateInsight"];

    public static TrailGaps Check(TrailFacts trail, CloudTrailServerlessAuditCheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(parameters);
        var unmet = new List<string>();
        var unknown = new List<string>();
        Flag(trail.IsLogging, "not logging", "whether it is logging is unknown before it is deployed and started", unmet, unknown);
        Flag(trail.IsMultiRegion, "not multi-region", "whether it is multi-region is unknown", unmet, unknown);
        if (parameters.RequireLambdaDataEvents) Coverage(trail.LambdaInvokes, "Lambda Invoke data events", "functions", unmet, unknown);
        if (parameters.RequireS3DataEvents) Coverage(trail.S3Objects, "S3 object data events", "buckets or events", unmet, unknown);
        if (parameters.RequireInsights)
        {
            if (trail.InsightTypes is not { } types) unknown.Add("its Insights selectors are unknown");
            else if (InsightTypes.Where(type => !types.Contains(type, StringComparer.Ordinal)).ToList() is { Count: > 0 } missing)
                unmet.Add("no " + string.Join(" or ", missing));
        }
        if (parameters.RequireLogFileValidation)
            Flag(trail.LogFileValidation, "log file validation off", "whether it validates log files is unknown", unmet, unknown);
        return new TrailGaps(unmet, unknown);
    }

    private static void Flag(bool? value, string whenFalse, string whenUnknown, List<string> unmet, List<string> unknown)
    {
        if (value is null) unknown.Add(whenUnknown);
        else if (value == false) unmet.Add(whenFalse);
    }

    private static void Coverage(DataEventCoverage coverage, string what, string some, List<string> unmet, List<string> unknown)
    {
        switch (coverage)
        {
            case DataEventCoverage.Unknown: unknown.Add($"whether it records {what} is unknown"); break;
            case DataEventCoverage.None: unmet.Add($"no {what}"); break;
            case DataEventCoverage.Partial: unmet.Add($"{what} for some {some} only"); break;
        }
    }
}
