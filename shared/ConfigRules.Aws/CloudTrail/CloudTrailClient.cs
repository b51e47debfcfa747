using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.CloudTrail;

/// <summary>
/// AWS CloudTrail over awsJson1_1 (<c>CloudTrail_20131101</c>): the trails visible in the region and, per trail,
/// whether it logs, what it records and which Insights it has. Trails are named by ARN, which also reaches the
/// shadow copy of a multi-region trail created in another region.
/// </summary>
public sealed class CloudTrailClient(AwsTransport transport, AwsEndpoint endpoint)
{
    public const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    private readonly AwsJsonProtocol _protocol = new(transport, AwsService.CloudTrail, endpoint, TargetPrefix);

    public static CloudTrailClient Create(AwsClientContext context) => new(context.Transport, context.EndpointFor(AwsService.CloudTrail));

    /// <summary>DescribeTrails with shadow trails: every trail that records this region (an organization's too). Not paged.</summary>
    public async Task<IReadOnlyList<TrailDescription>> DescribeTrailsAsync(CancellationToken cancellationToken)
    {
        var output = await _protocol.InvokeAsync("DescribeTrails", new DescribeTrailsInput { IncludeShadowTrails = true },
            CloudTrailJsonContext.Default.DescribeTrailsInput, CloudTrailJsonContext.Default.DescribeTrailsOutput, cancellationToken).ConfigureAwait(false);
        var trails = output.TrailList ?? [];
        if (trails.Any(trail => string.IsNullOrEmpty(trail.TrailArn)))
            throw new AwsProtocolException("CloudTrail DescribeTrails answered with a trail without TrailARN.");
        return trails;
    }

    /// <summary>GetTrailStatus: whether the trail is logging now.</summary>
    public async Task<bool> IsLoggingAsync(string trailArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trailArn);
        var output = await _protocol.InvokeAsync("GetTrailStatus", new GetTrailStatusInput { Name = trailArn },
            CloudTrailJsonContext.Default.GetTrailStatusInput, CloudTrailJsonContext.Default.GetTrailStatusOutput, cancellationToken).ConfigureAwait(false);
        return output.IsLogging ?? throw new AwsProtocolException($"CloudTrail GetTrailStatus answered without IsLogging for {trailArn}.");
    }

    /// <summary>GetEventSelectors: the trail's basic or advanced event selectors.</summary>
    public Task<TrailEventSelectors> GetEventSelectorsAsync(string trailArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trailArn);
        return _protocol.InvokeAsync("GetEventSelectors", new TrailNameInput { TrailName = trailArn },
            CloudTrailJsonContext.Default.TrailNameInput, CloudTrailJsonContext.Default.TrailEventSelectors, cancellationToken);
    }

    /// <summary>
    /// GetInsightSelectors: the Insights types the trail records (<c>ApiCallRateInsight</c>, <c>ApiErrorRateInsight</c>).
    /// A trail that never had Insights answers <c>InsightNotEnabledException</c>, which means none: an empty list.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetInsightTypesAsync(string trailArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trailArn);
        var output = await NoneAnswers.NullWhenAsync(_protocol.InvokeAsync("GetInsightSelectors", new TrailNameInput { TrailName = trailArn },
            CloudTrailJsonContext.Default.TrailNameInput, CloudTrailJsonContext.Default.GetInsightSelectorsOutput, cancellationToken),
            "InsightNotEnabledException").ConfigureAwait(false);
        return [.. (output?.InsightSelectors ?? []).Select(selector => selector.InsightType).OfType<string>()];
    }
}
