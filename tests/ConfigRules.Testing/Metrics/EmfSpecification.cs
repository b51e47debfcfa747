using System.Text.Json;

namespace ConfigRules.Testing.Metrics;

/// <summary>
/// Checks a log line against the CloudWatch Embedded Metric Format specification ("Specification: Embedded metric
/// format", Amazon CloudWatch User Guide): a JSON object on one line whose <c>_aws</c> metadata (Timestamp,
/// CloudWatchMetrics) holds MetricDirectives (Namespace, Dimensions, Metrics) that refer to root members: each
/// dimension to a string, each metric to a number or an array of at most 100 numbers. Returns every violation, so a
/// test can show them all.
/// </summary>
public static class EmfSpecification
{
    public const int MaxDimensionsPerSet = 30;
    public const int MaxMetricsPerDirective = 100;
    public const int MaxValuesPerMetric = 100;

    /// <summary>The units CloudWatch accepts (StandardUnit in the CloudWatch API).</summary>
    public static readonly IReadOnlySet<string> Units = new HashSet<string>(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
        "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
        "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    /// <summary>True when the line carries EMF metadata (the lines a test looks for among the log).</summary>
    public static bool IsMetricLine(JsonElement line) =>
        line.ValueKind == JsonValueKind.Object && line.TryGetProperty("_aws", out _);

    public static IReadOnlyList<string> Violations(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Contains('\n', StringComparison.Ordinal)) return ["The document spans several lines; a log event is one line."];
        try
        {
            using var document = JsonDocument.Parse(line);
            return Violations(document.RootElement);
        }
        catch (JsonException e)
        {
            return [$"The line is not JSON: {e.Message}"];
        }
    }

    public static IReadOnlyList<string> Violations(JsonElement root)
    {
        var problems = new List<string>();
        if (root.ValueKind != JsonValueKind.Object) return ["The root is not a JSON object."];
        if (!root.TryGetProperty("_aws", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
            return ["The root has no _aws metadata object."];

        OnlyMembers(metadata, "_aws", ["Timestamp", "CloudWatchMetrics"], problems);
        if (!metadata.TryGetProperty("Timestamp", out var timestamp) || timestamp.ValueKind != JsonValueKind.Number || !timestamp.TryGetInt64(out var millis) || millis <= 0)
            problems.Add("_aws.Timestamp must be a positive whole number of milliseconds since the epoch.");
        if (!metadata.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array)
        {
            problems.Add("_aws.CloudWatchMetrics must be an array of MetricDirective objects.");
            return problems;
        }
        var index = 0;
        foreach (var directive in directives.EnumerateArray())
            CheckDirective(root, directive, $"_aws.CloudWatchMetrics[{index++}]", problems);
        return problems;
    }

    private static void CheckDirective(JsonElement root, JsonElement directive, string path, List<string> problems)
    {
        if (directive.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} is not an object.");
            return;
        }
        OnlyMembers(directive, path, ["Namespace", "Dimensions", "Metrics"], problems);
        if (!directive.TryGetProperty("Namespace", out var ns) || ns.ValueKind != JsonValueKind.String || ns.GetString() is not { Length: >= 1 and <= 255 })
            problems.Add($"{path}.Namespace must be a string of 1 to 255 characters.");

        if (!directive.TryGetProperty("Dimensions", out var sets) || sets.ValueKind != JsonValueKind.Array)
            problems.Add($"{path}.Dimensions must be an array of DimensionSets.");
        else
        {
            foreach (var set in sets.EnumerateArray())
            {
                if (set.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}.Dimensions holds a DimensionSet that is not an array.");
                    continue;
                }
                if (set.GetArrayLength() > MaxDimensionsPerSet) problems.Add($"{path}.Dimensions holds a set of more than {MaxDimensionsPerSet} keys.");
                foreach (var key in set.EnumerateArray())
                {
                    var name = key.ValueKind == JsonValueKind.String ? key.GetString() : null;
                    if (name is null) problems.Add($"{path}.Dimensions holds a key that is not a string.");
                    else if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: >= 1 and <= 1024 })
                        problems.Add($"Dimension {name}: the root member must be a string of 1 to 1024 characters.");
                }
            }
        }

        if (!directive.TryGetProperty("Metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path}.Metrics must be an array of MetricDefinitions.");
            return;
        }
        if (metrics.GetArrayLength() > MaxMetricsPerDirective) problems.Add($"{path}.Metrics holds more than {MaxMetricsPerDirective} definitions.");
        foreach (var metric in metrics.EnumerateArray()) CheckMetric(root, metric, path, problems);
    }

    private static void CheckMetric(JsonElement root, JsonElement metric, string path, List<string> problems)
    {
        if (metric.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}.Metrics holds a definition that is not an object.");
            return;
        }
        OnlyMembers(metric, $"{path}.Metrics[]", ["Name", "Unit", "StorageResolution"], problems);
        var name = metric.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        if (name is not { Length: >= 1 and <= 255 })
        {
            problems.Add($"{path}.Metrics holds a definition without a Name of 1 to 255 characters.");
            return;
        }
        if (metric.TryGetProperty("Unit", out var unit) && (unit.ValueKind != JsonValueKind.String || !Units.Contains(unit.GetString()!)))
            problems.Add($"Metric {name}: Unit {unit} is not a CloudWatch unit.");
        if (metric.TryGetProperty("StorageResolution", out var resolution) && !(resolution.ValueKind == JsonValueKind.Number && resolution.GetDouble() is 1 or 60))
            problems.Add($"Metric {name}: StorageResolution must be 1 or 60.");
        if (!root.TryGetProperty(name, out var value))
            problems.Add($"Metric {name}: the root has no member of that name.");
        else if (value.ValueKind == JsonValueKind.Array)
        {
            if (value.GetArrayLength() > MaxValuesPerMetric) problems.Add($"Metric {name}: more than {MaxValuesPerMetric} values.");
            if (value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number)) problems.Add($"Metric {name}: every value must be a number.");
        }
        else if (value.ValueKind != JsonValueKind.Number)
            problems.Add($"Metric {name}: the root member must be a number or an array of numbers, not {value.ValueKind}.");
    }

    private static void OnlyMembers(JsonElement element, string path, string[] allowed, List<string> problems)
    {
        foreach (var member in element.EnumerateObject())
            if (!allowed.Contains(member.Name, StringComparer.Ordinal))
                problems.Add($"{path} has the member {member.Name}, which the specification does not define.");
    }
}
