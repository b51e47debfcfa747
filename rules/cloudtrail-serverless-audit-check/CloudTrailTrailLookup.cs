using ConfigRules.Aws.CloudTrail;

namespace ConfigRules.Rules.CloudTrailServerlessAudit;

/// <summary>
/// The region's trails from CloudTrail: DescribeTrails (shadow trails included), then per trail GetTrailStatus,
/// GetEventSelectors and GetInsightSelectors, named by ARN. The account is the caller's own.
/// </summary>
public sealed class CloudTrailTrailLookup(CloudTrailClient client) : ITrailLookup
{
    public async Task<IReadOnlyList<TrailFacts>> ListTrailsAsync(string accountId, CancellationToken cancellationToken)
    {
        var trails = await client.DescribeTrailsAsync(cancellationToken).ConfigureAwait(false);
        var facts = new List<TrailFacts>(trails.Count);
        foreach (var trail in trails)
        {
            var arn = trail.TrailArn!;
            var logging = await client.IsLoggingAsync(arn, cancellationToken).ConfigureAwait(false);
            var selectors = await client.GetEventSelectorsAsync(arn, cancellationToken).ConfigureAwait(false);
            var insights = await client.GetInsightTypesAsync(arn, cancellationToken).ConfigureAwait(false);
            // A trail with neither kind of selector records management events only: no data events at all.
            var basic = selectors.EventSelectors ?? (selectors.AdvancedEventSelectors is null ? [] : null);
            facts.Add(new TrailFacts(
                trail.Name ?? arn,
                logging,
                trail.IsMultiRegionTrail ?? false,
                trail.LogFileValidationEnabled ?? false,
                EventSelectorCoverage.Of(EventSelectorCoverage.LambdaType, basic, selectors.AdvancedEventSelectors),
                EventSelectorCoverage.Of(EventSelectorCoverage.S3ObjectType, basic, selectors.AdvancedEventSelectors),
                insights));
        }
        return facts;
    }
}
