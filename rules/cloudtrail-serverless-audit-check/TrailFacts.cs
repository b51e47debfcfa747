using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.CloudTrailServerlessAudit;

/// <summary>
/// What cloudtrail-serverless-audit-check knows of one trail. Null means unknown (a recorded item or template
/// that does not say), which the rule never reads as yes or no.
/// </summary>
public sealed record TrailFacts(
    string Name,
    bool? IsLogging,
    bool? IsMultiRegion,
    bool? LogFileValidation,
    DataEventCoverage LambdaInvokes,
    DataEventCoverage S3Objects,
    IReadOnlyList<string>? InsightTypes,
    string? AccountId = null);

/// <summary>Whether a trail records a kind of data event for every resource of its type.</summary>
public enum DataEventCoverage
{
    /// <summary>The selectors are not known.</summary>
    Unknown,
    /// <summary>No selector records these data events.</summary>
    None,
    /// <summary>Only some resources or some events (listed ARNs, read-only events, a name filter).</summary>
    Partial,
    /// <summary>Every resource of the type, every event.</summary>
    All,
}

/// <summary>
/// Where cloudtrail-serverless-audit-check reads the trails of an account: CloudTrail in the rule function
/// (DescribeTrails, GetTrailStatus, GetEventSelectors, GetInsightSelectors), the <c>AWS::CloudTrail::Trail</c>
/// items of the same input in the CLI.
/// </summary>
public interface ITrailLookup
{
    /// <summary>The trails that record the account in this region (multi-region trails of other home regions included).</summary>
    Task<IReadOnlyList<TrailFacts>> ListTrailsAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// What the rule calls: the trails, or, offline, that the input holds none of the account's. A live lookup always
    /// answers; the offline index overrides this to say "not in the input" without an exception.
    /// </summary>
    async Task<LookupResult<IReadOnlyList<TrailFacts>>> FindTrailsAsync(string accountId, CancellationToken cancellationToken) =>
        LookupResult.Found(await ListTrailsAsync(accountId, cancellationToken).ConfigureAwait(false));
}
