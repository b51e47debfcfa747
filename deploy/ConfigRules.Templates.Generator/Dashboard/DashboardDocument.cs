using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigRules.Templates.Dashboard;

// The CloudWatch dashboard body ("Dashboard Body Structure and Syntax", CloudWatch API reference) as typed records:
// a list of widgets on a 24-column grid; a metric widget lists metric rows and the stat, period and view to draw.

public sealed record DashboardDocument(IReadOnlyList<DashboardWidget> Widgets);

public sealed record DashboardWidget(string Type, int X, int Y, int Width, int Height, MetricWidgetProperties Properties);

/// <summary>A metric widget: <see cref="Region"/> is written as <c>${AWS::Region}</c>, resolved by the template's <c>!Sub</c>.</summary>
public sealed record MetricWidgetProperties(
    string Title,
    string View,
    bool Stacked,
    string Region,
    int Period,
    string Stat,
    IReadOnlyList<MetricRow> Metrics)
{
    public WidgetYAxis? YAxis { get; init; }
}

public sealed record WidgetYAxis(AxisRange Left);

public sealed record AxisRange(double Min);

/// <summary>
/// One row of a widget's <c>metrics</c>: either a metric (namespace, name, dimension name/value pairs) or a
/// metric-math expression, each with its rendering options. The body writes a row as an array:
/// <c>["ConfigRules", "Errors", "Rule", "&lt;rule id&gt;", {"label": ...}]</c> or <c>[{"expression": ...}]</c>.
/// </summary>
[JsonConverter(typeof(MetricRowConverter))]
public sealed record MetricRow
{
    public string? Namespace { get; private init; }
    public string? MetricName { get; private init; }
    public IReadOnlyList<KeyValuePair<string, string>> Dimensions { get; private init; } = [];
    public MetricRowOptions Options { get; init; } = new();

    public static MetricRow Metric(string ns, string metricName, IReadOnlyList<KeyValuePair<string, string>> dimensions, MetricRowOptions options) =>
        new() { Namespace = ns, MetricName = metricName, Dimensions = dimensions, Options = options };

    public static MetricRow Expression(string expression, string id, string label) =>
        new() { Options = new MetricRowOptions { Expression = expression, Id = id, Label = label } };
}

/// <summary>A row's rendering options; absent members are left out of the body.</summary>
public sealed record MetricRowOptions
{
    public string? Expression { get; init; }
    public string? Id { get; init; }
    public string? Label { get; init; }
    public string? Stat { get; init; }
    public bool? Visible { get; init; }
}

internal sealed class MetricRowConverter : JsonConverter<MetricRow>
{
    public override MetricRow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Dashboard bodies are only written.");

    public override void Write(Utf8JsonWriter writer, MetricRow value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        if (value.Namespace is not null && value.MetricName is not null)
        {
            writer.WriteStringValue(value.Namespace);
            writer.WriteStringValue(value.MetricName);
            foreach (var (name, dimension) in value.Dimensions)
            {
                writer.WriteStringValue(name);
                writer.WriteStringValue(dimension);
            }
        }
        if (value.Options != new MetricRowOptions()) JsonSerializer.Serialize(writer, value.Options, DashboardJsonContext.Default.MetricRowOptions);
        writer.WriteEndArray();
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DashboardDocument))]
[JsonSerializable(typeof(MetricRowOptions))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
