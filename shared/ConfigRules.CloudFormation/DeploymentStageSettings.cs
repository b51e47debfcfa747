namespace ConfigRules.CloudFormation;

/// <summary>
/// The settings of the stage an <c>AWS::ApiGateway::Deployment</c> creates, from its <c>StageDescription</c>, in the
/// shape of an <c>AWS::ApiGateway::Stage</c>'s properties: <c>MethodSettings</c>, <c>AccessLogSetting</c> and
/// <c>TracingEnabled</c> are the same; the description's own <c>LoggingLevel</c>, <c>MetricsEnabled</c> and
/// <c>DataTraceEnabled</c> apply to every method, so they become a <c>/*</c> <c>*</c> method setting (unless
/// <c>MethodSettings</c> already has one, which says it more precisely).
/// </summary>
internal static class DeploymentStageSettings
{
    private static readonly string[] EveryMethodSettings = ["LoggingLevel", "MetricsEnabled", "DataTraceEnabled"];

    public static MapValue Of(string file, TemplateValue? description, int line)
    {
        switch (description)
        {
            case null:
                return new MapValue([], line);
            case UnknownValue unknown:
                // The whole description only deployment decides: so is every setting the stage rules read.
                return new MapValue([new("MethodSettings", unknown), new("AccessLogSetting", unknown), new("TracingEnabled", unknown)], unknown.Line);
            case MapValue map:
                return WithEveryMethodSetting(map);
            default:
                throw new TemplateException(file, description.Line, "StageDescription must be a mapping of stage settings (MethodSettings, AccessLogSetting, TracingEnabled ...).");
        }
    }

    private static MapValue WithEveryMethodSetting(MapValue description)
    {
        var settings = EveryMethodSettings.Select(key => (Key: key, Value: description.Get(key))).Where(entry => entry.Value is not null)
            .Select(entry => new KeyValuePair<string, TemplateValue>(entry.Key, entry.Value!)).ToList();
        var entries = description.Entries.Where(entry => entry.Key != "MethodSettings" && !EveryMethodSettings.Contains(entry.Key)).ToList();
        var methodSettings = description.Get("MethodSettings");
        // Anything but a list of settings is passed on as it is, for the stage mapping to note (unknown) or reject.
        if (settings.Count == 0 || methodSettings is not (null or ListValue) || (methodSettings is ListValue list && list.Items.Any(IsEveryMethod)))
        {
            if (methodSettings is not null) entries.Add(new("MethodSettings", methodSettings));
            return new MapValue(entries, description.Line);
        }
        var everyMethod = new MapValue([new("ResourcePath", new ScalarValue("/*", false, description.Line)), new("HttpMethod", new ScalarValue("*", false, description.Line)), .. settings],
            description.Line);
        var others = (methodSettings as ListValue)?.Items ?? [];
        entries.Add(new("MethodSettings", new ListValue([everyMethod, .. others], methodSettings?.Line ?? description.Line)));
        return new MapValue(entries, description.Line);
    }

    private static bool IsEveryMethod(TemplateValue entry) =>
        entry is MapValue map &&
        (map.Get("ResourcePath") is null or ScalarValue { Text: "/*" or "*" }) && (map.Get("HttpMethod") is null or ScalarValue { Text: "*" });
}
