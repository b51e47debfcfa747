using System.Text.Json.Nodes;

namespace ConfigRules.Testing.Aws;

/// <summary>
/// A trail in the fake CloudTrail account. <see cref="EventSelectors"/> and <see cref="AdvancedEventSelectors"/> are
/// answered as given (JSON as the service model spells them); a trail has one kind or neither.
/// </summary>
public sealed record FakeTrail(
    string Name,
    bool IsLogging = true,
    bool IsMultiRegionTrail = true,
    bool LogFileValidationEnabled = true,
    string HomeRegion = "us-east-1",
    JsonArray? EventSelectors = null,
    JsonArray? AdvancedEventSelectors = null,
    IReadOnlyList<string>? InsightTypes = null)
{
    public string Arn => $"arn:aws:cloudtrail:{HomeRegion}:123456789012:trail/{Name}";
}

/// <summary>
/// The fake CloudTrail service (awsJson1_1): DescribeTrails, GetTrailStatus, GetEventSelectors, GetInsightSelectors.
/// Trails are found by name or ARN; a trail without Insights answers InsightNotEnabledException, as CloudTrail does.
/// </summary>
public sealed class FakeCloudTrailService
{
    public const string TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    private readonly object _gate = new();
    private readonly List<FakeTrail> _trails = [];

    public FakeTrail Put(FakeTrail trail)
    {
        ArgumentNullException.ThrowIfNull(trail);
        lock (_gate)
        {
            _trails.RemoveAll(t => t.Name == trail.Name);
            _trails.Add(trail);
        }
        return trail;
    }

    /// <summary>Removes every trail (an account without CloudTrail).</summary>
    public void Clear()
    {
        lock (_gate) _trails.Clear();
    }

    /// <summary>Basic selectors recording every Lambda Invoke (and, when asked, every S3 object) data event.</summary>
    public static JsonArray AllDataEvents(bool lambda = true, bool s3 = false)
    {
        var resources = new JsonArray();
        if (lambda) resources.Add((JsonNode)new JsonObject { ["Type"] = "AWS::Lambda::Function", ["Values"] = new JsonArray("arn:aws:lambda") });
        if (s3) resources.Add((JsonNode)new JsonObject { ["Type"] = "AWS::S3::Object", ["Values"] = new JsonArray("arn:aws:s3") });
        return [new JsonObject { ["ReadWriteType"] = "All", ["IncludeManagementEvents"] = true, ["DataResources"] = resources }];
    }

    internal LoopbackReply Handle(string operation, LoopbackRequest request) => operation switch
    {
        "DescribeTrails" => DescribeTrails(request),
        "GetTrailStatus" => Reply(new JsonObject { ["IsLogging"] = Find(JsonInput.Parse(request, operation, "Name").RequiredString("Name")).IsLogging }),
        "GetEventSelectors" => EventSelectors(Find(JsonInput.Parse(request, operation, "TrailName").RequiredString("TrailName"))),
        "GetInsightSelectors" => InsightSelectors(Find(JsonInput.Parse(request, operation, "TrailName", "EventDataStore").RequiredString("TrailName"))),
        _ => throw new FakeAwsErrorException(400, "UnknownOperationException", $"The loopback CloudTrail service does not implement {operation}."),
    };

    private LoopbackReply DescribeTrails(LoopbackRequest request)
    {
        var input = JsonInput.Parse(request, "DescribeTrails", "trailNameList", "includeShadowTrails");
        var shadows = input.OptionalBool("includeShadowTrails") ?? true;
        List<FakeTrail> trails;
        lock (_gate) trails = [.. _trails];
        var list = new JsonArray();
        foreach (var trail in trails.Where(t => shadows || t.HomeRegion == "us-east-1"))
        {
            list.Add((JsonNode)new JsonObject
            {
                ["Name"] = trail.Name,
                ["S3BucketName"] = "trail-bucket",
                ["IncludeGlobalServiceEvents"] = true,
                ["IsMultiRegionTrail"] = trail.IsMultiRegionTrail,
                ["HomeRegion"] = trail.HomeRegion,
                ["TrailARN"] = trail.Arn,
                ["LogFileValidationEnabled"] = trail.LogFileValidationEnabled,
                ["HasCustomEventSelectors"] = trail.EventSelectors is not null || trail.AdvancedEventSelectors is not null,
                ["HasInsightSelectors"] = trail.InsightTypes is { Count: > 0 },
                ["IsOrganizationTrail"] = false,
            });
        }
        return Reply(new JsonObject { ["trailList"] = list });
    }

    private static LoopbackReply EventSelectors(FakeTrail trail)
    {
        var body = new JsonObject { ["TrailARN"] = trail.Arn };
        if (trail.AdvancedEventSelectors is { } advanced) body["AdvancedEventSelectors"] = advanced.DeepClone();
        else body["EventSelectors"] = (trail.EventSelectors ?? [new JsonObject { ["ReadWriteType"] = "All", ["IncludeManagementEvents"] = true, ["DataResources"] = new JsonArray() }]).DeepClone();
        return Reply(body);
    }

    private static LoopbackReply InsightSelectors(FakeTrail trail)
    {
        if (trail.InsightTypes is not { Count: > 0 } types)
            throw new FakeAwsErrorException(400, "InsightNotEnabledException", $"Trail {trail.Name} does not have Insights enabled. Enable Insights on the trail, and then try the operation again.");
        var selectors = new JsonArray();
        foreach (var type in types) selectors.Add((JsonNode)new JsonObject { ["InsightType"] = type });
        return Reply(new JsonObject { ["TrailARN"] = trail.Arn, ["InsightSelectors"] = selectors });
    }

    private FakeTrail Find(string nameOrArn)
    {
        lock (_gate)
        {
            return _trails.FirstOrDefault(t => t.Name == nameOrArn || t.Arn == nameOrArn)
                ?? throw new FakeAwsErrorException(400, "TrailNotFoundException", $"Unknown trail: {nameOrArn} for the user: 123456789012");
        }
    }

    private static LoopbackReply Reply(JsonObject body) => LoopbackReply.Json(body, WireProtocol.AwsJson);
}
