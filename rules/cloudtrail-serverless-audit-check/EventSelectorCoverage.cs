using ConfigRules.Aws.CloudTrail;

namespace ConfigRules.Rules.CloudTrailServerlessAudit;

/// <summary>
/// Reads basic and advanced event selectors into <see cref="DataEventCoverage"/> for Lambda <c>Invoke</c> and S3
/// object data events. "All" needs a selector that records the type for every resource: a basic data resource
/// whose value is the whole service (<c>arn:aws:lambda</c>, <c>arn:aws:s3</c>) or an advanced selector on
/// <c>eventCategory</c> = <c>Data</c> and <c>resources.type</c> without narrowing it by ARN or event name.
/// </summary>
public static class EventSelectorCoverage
{
    public const string LambdaType = "AWS::Lambda::Function";
    public const string S3ObjectType = "AWS::S3::Object";

    /// <summary>The coverage of one data resource type by a trail's selectors (basic, advanced, or neither).</summary>
    public static DataEventCoverage Of(string resourceType, IReadOnlyList<EventSelector>? basic, IReadOnlyList<AdvancedEventSelector>? advanced)
    {
        if (basic is null && advanced is null) return DataEventCoverage.Unknown;
        var best = DataEventCoverage.None;
        foreach (var selector in basic ?? []) best = Max(best, OfBasic(resourceType, selector));
        foreach (var selector in advanced ?? []) best = Max(best, OfAdvanced(resourceType, selector));
        return best;
    }

    private static DataEventCoverage OfBasic(string resourceType, EventSelector selector)
    {
        var best = DataEventCoverage.None;
        foreach (var resource in selector.DataResources ?? [])
        {
            if (!string.Equals(resource.Type, resourceType, StringComparison.Ordinal) || resource.Values is not { Count: > 0 } values) continue;
            var everyResource = values.Any(value => IsWholeService(resourceType, value));
            // Lambda Invoke is a write event; S3 object events are reads and writes, so S3 needs both.
            var everyEvent = selector.ReadWriteType is null or "All" || (resourceType == LambdaType && selector.ReadWriteType == "WriteOnly");
            best = Max(best, everyResource && everyEvent ? DataEventCoverage.All : DataEventCoverage.Partial);
        }
        return best;
    }

    private static DataEventCoverage OfAdvanced(string resourceType, AdvancedEventSelector selector)
    {
        var fields = selector.FieldSelectors ?? [];
        var category = fields.FirstOrDefault(f => f.Field == "eventCategory");
        var type = fields.FirstOrDefault(f => f.Field == "resources.type");
        if (category?.EqualTo?.Contains("Data") != true || type?.EqualTo?.Contains(resourceType) != true) return DataEventCoverage.None;
        foreach (var field in fields)
        {
            if (field.Field is "eventCategory" or "resources.type") continue;
            if (field.Field == "readOnly" && !Narrows(resourceType, field)) continue;
            if (field.Field == "eventName" && resourceType == LambdaType && field.EqualTo?.Contains("Invoke") == true && IsOnlyEquals(field)) continue;
            return DataEventCoverage.Partial;
        }
        return DataEventCoverage.All;
    }

    /// <summary>A readOnly filter narrows S3 (reads or writes only); for Lambda only <c>readOnly = true</c> drops Invoke.</summary>
    private static bool Narrows(string resourceType, AdvancedFieldSelector readOnly) =>
        resourceType == LambdaType ? readOnly.EqualTo?.Contains("true") == true || readOnly.NotEquals?.Contains("false") == true : true;

    private static bool IsOnlyEquals(AdvancedFieldSelector field) =>
        field.StartsWith is not { Count: > 0 } && field.EndsWith is not { Count: > 0 } && field.NotEquals is not { Count: > 0 } &&
        field.NotStartsWith is not { Count: > 0 } && field.NotEndsWith is not { Count: > 0 };

    /// <summary><c>arn:aws:lambda</c> / <c>arn:aws:s3</c> (any partition), and S3's <c>arn:aws:s3:::</c>, select every resource.</summary>
    private static bool IsWholeService(string resourceType, string value)
    {
        var parts = value.Split(':');
        if (parts.Length < 3 || parts[0] != "arn") return false;
        return resourceType == LambdaType
            ? parts.Length == 3 && parts[2] == "lambda"
            : parts[2] == "s3" && parts.Skip(3).All(string.IsNullOrEmpty);
    }

    private static DataEventCoverage Max(DataEventCoverage a, DataEventCoverage b) => (DataEventCoverage)Math.Max((int)a, (int)b);
}
