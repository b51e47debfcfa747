using System.Text.Json;

namespace ConfigRules.Cli.Input;

/// <summary>
/// An OversizedConfigurationItemChangeNotification: Config's SNS message for an item too large for SNS. It carries
/// only <c>configurationItemSummary</c> (type, id, status, no configuration) and, in <c>s3DeliverySummary</c>, where
/// Config delivered the whole item. Judging the summary would judge an empty configuration, so it is reported with
/// what to evaluate instead: that S3 object, or the resource itself with --live.
/// </summary>
public static class OversizedNotification
{
    public const string SummaryProperty = "configurationItemSummary";

    public static InputProblem Problem(ReadOnlySpan<byte> notification, string file, long line)
    {
        var reader = new Utf8JsonReader(notification);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var summary = root.TryGetProperty(SummaryProperty, out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var what = $"{Text(summary, "resourceType") ?? "a resource"} {Text(summary, "resourceId") ?? ""}".TrimEnd();
        var delivery = root.TryGetProperty("s3DeliverySummary", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var where = Text(delivery, "s3BucketLocation") is { Length: > 0 } location
            ? $"Config delivered the whole item to s3://{location}: evaluate that object"
            : $"Config could not deliver the whole item to S3 ({Text(delivery, "errorCode") ?? "no s3BucketLocation"}): evaluate the resource with --live";
        return new InputProblem(file, line,
            $"an OversizedConfigurationItemChangeNotification holds only a summary of {what}, not its configuration, so it cannot be judged. {where}.");
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
