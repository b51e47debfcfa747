using ConfigRules.Framework.Model;

namespace ConfigRules.CloudFormation;

/// <summary>
/// The resources rules read besides the ones they judge, mapped to the shape their offline lookups read (Config's
/// camelCase member names): web ACLs (<c>arn</c> written <c>${MyAcl.Arn}</c>, <c>name</c>, <c>rules</c>), metric alarms
/// and trails. Values only deployment decides are left out and noted.
/// </summary>
internal static class RelatedResourceMapper
{
    public static TemplateItem MapWebAcl(string file, TemplateResource resource)
    {
        using var config = new ConfigurationWriter(file);
        var properties = resource.Properties;
        config.String("arn", "Arn", new ScalarValue(TemplateReference.ArnOf(resource.LogicalId).Text, false, resource.Line));
        config.String("name", "Name", properties.Get("Name") ?? new ScalarValue(resource.LogicalId, false, resource.Line));
        config.String("scope", "Scope", properties.Get("Scope"));
        config.Tree("rules", "Rules", properties.Get("Rules"));
        config.Tree("defaultAction", "DefaultAction", properties.Get("DefaultAction"));
        return config.FinishItem(TemplateTypes.WebAcl, resource.LogicalId, properties.Get("Name"), resource.Line);
    }

    /// <summary>
    /// An alarm, its <c>Dimensions</c> and <c>Metrics</c> as written; a dimension value <c>!Ref MyFunction</c> becomes the
    /// function's name as its item names it (its FunctionName, else its logical id), so the alarm rule matches them.
    /// A <c>FunctionName</c> dimension that names no function of the template and only deployment decides is kept
    /// without its value (see <see cref="AlarmFunctionDimensions"/>): the rest of the alarm stays readable.
    /// </summary>
    public static TemplateItem MapAlarm(string file, TemplateResource resource, IReadOnlyDictionary<string, string> functionNames)
    {
        using var config = new ConfigurationWriter(file);
        string? Render(UnknownValue unknown) =>
            unknown.Symbol is { } symbol && TemplateReference.TryParse(symbol, out var reference) && reference.Attribute is null &&
            functionNames.TryGetValue(reference.LogicalId, out var name)
                ? name
                : unknown.Symbol;
        var properties = AlarmFunctionDimensions.Open(resource.Properties, functionNames, config);
        config.String("alarmName", "AlarmName", properties.Get("AlarmName") ?? new ScalarValue(resource.LogicalId, false, resource.Line));
        foreach (var property in new[] { "Namespace", "MetricName", "Dimensions", "Metrics", "AlarmActions", "Threshold", "ComparisonOperator", "ActionsEnabled" })
            config.Tree(ConfigurationWriter.CamelCase(property), property, properties.Get(property), Render);
        return config.FinishItem(TemplateTypes.Alarm, resource.LogicalId, properties.Get("AlarmName"), resource.Line);
    }

    /// <summary>
    /// A trail: <c>IsLogging</c> (required), <c>IsMultiRegionTrail</c> and <c>EnableLogFileValidation</c> (false when
    /// absent), the event selectors (none written: CloudTrail's default, management events only) and Insights selectors.
    /// </summary>
    public static TemplateItem MapTrail(string file, TemplateResource resource)
    {
        using var config = new ConfigurationWriter(file);
        var properties = resource.Properties;
        config.String("name", "TrailName", properties.Get("TrailName") ?? new ScalarValue(resource.LogicalId, false, resource.Line));
        config.Boolean("isLogging", "IsLogging", properties.Get("IsLogging"));
        config.Boolean("isMultiRegionTrail", "IsMultiRegionTrail", properties.Get("IsMultiRegionTrail"), false);
        config.Boolean("logFileValidationEnabled", "EnableLogFileValidation", properties.Get("EnableLogFileValidation"), false);
        var basic = properties.Get("EventSelectors");
        var advanced = properties.Get("AdvancedEventSelectors");
        if (basic is null && advanced is null) config.Tree("eventSelectors", "EventSelectors", new ListValue([], resource.Line));
        config.Tree("eventSelectors", "EventSelectors", basic);
        config.Tree("advancedEventSelectors", "AdvancedEventSelectors", advanced);
        config.Tree("insightSelectors", "InsightSelectors", properties.Get("InsightSelectors") ?? new ListValue([], resource.Line));
        return config.FinishItem(TemplateTypes.Trail, resource.LogicalId, properties.Get("TrailName"), resource.Line);
    }
}
