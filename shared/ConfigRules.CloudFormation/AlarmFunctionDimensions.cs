using ConfigRules.Framework.Model;

namespace ConfigRules.CloudFormation;

/// <summary>
/// An alarm's <c>FunctionName</c> dimensions (in <c>Dimensions</c> and in each <c>Metrics</c> query's
/// <c>MetricStat.Metric.Dimensions</c>) whose value only deployment decides — an <c>!ImportValue</c>, a parameter
/// without a Default, an attribute of another resource — and that name no function of the template. Such a dimension
/// is kept with its <c>Name</c> and without its <c>Value</c>, and noted: the alarm still says it watches some function's
/// metric, so a rule can tell "an alarm may watch this function" from "no alarm does". Without this the whole
/// <c>Dimensions</c> or <c>Metrics</c> would be left out and the alarm would seem to watch nothing.
/// </summary>
internal static class AlarmFunctionDimensions
{
    public const string FunctionNameDimension = "FunctionName";

    public static MapValue Open(MapValue properties, IReadOnlyDictionary<string, string> functionNames, ConfigurationWriter config)
    {
        var result = properties;
        if (properties.Get("Dimensions") is { } dimensions)
            result = With(result, "Dimensions", OpenList(dimensions, "Dimensions", "dimensions", functionNames, config));
        if (properties.Get("Metrics") is ListValue metrics)
        {
            var queries = new List<TemplateValue>(metrics.Items.Count);
            foreach (var query in metrics.Items) queries.Add(OpenQuery(query, functionNames, config));
            result = With(result, "Metrics", new ListValue(queries, metrics.Line));
        }
        return result;
    }

    private static TemplateValue OpenQuery(TemplateValue query, IReadOnlyDictionary<string, string> functionNames, ConfigurationWriter config)
    {
        if (query is not MapValue map || map.Get("MetricStat") is not MapValue stat || stat.Get("Metric") is not MapValue metric ||
            metric.Get("Dimensions") is not { } dimensions)
            return query;
        var id = (map.Get("Id") as ScalarValue)?.Text ?? "?";
        var opened = OpenList(dimensions, $"Metrics[{id}].MetricStat.Metric.Dimensions", "metrics", functionNames, config);
        return With(map, "MetricStat", With(stat, "Metric", With(metric, "Dimensions", opened)));
    }

    private static TemplateValue OpenList(TemplateValue dimensions, string property, string field,
        IReadOnlyDictionary<string, string> functionNames, ConfigurationWriter config)
    {
        if (dimensions is not ListValue list) return dimensions;
        var items = new List<TemplateValue>(list.Items.Count);
        foreach (var item in list.Items)
        {
            if (item is MapValue dimension && dimension.Get("Name") is ScalarValue { Text: FunctionNameDimension } &&
                dimension.Get("Value") is UnknownValue value && !NamesTemplateFunction(value, functionNames))
            {
                config.MarkUnknown(field, $"the {FunctionNameDimension} dimension of {property}", value.Reason);
                items.Add(new MapValue([.. dimension.Entries.Where(entry => entry.Key != "Value")], dimension.Line));
            }
            else items.Add(item);
        }
        return new ListValue(items, list.Line);
    }

    /// <summary><c>!Ref MyFunction</c> (or <c>!Sub ${MyFunction}</c>) of a function the template defines: its name is known.</summary>
    public static bool NamesTemplateFunction(UnknownValue value, IReadOnlyDictionary<string, string> functionNames) =>
        value.Symbol is { } symbol && TemplateReference.TryParse(symbol, out var reference) && reference.Attribute is null &&
        functionNames.ContainsKey(reference.LogicalId);

    private static MapValue With(MapValue map, string key, TemplateValue value) =>
        new([.. map.Entries.Select(entry => entry.Key == key ? new KeyValuePair<string, TemplateValue>(key, value) : entry)], map.Line);
}
