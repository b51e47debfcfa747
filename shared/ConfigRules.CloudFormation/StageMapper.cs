using System.Text;
using ConfigRules.Framework.Model;

namespace ConfigRules.CloudFormation;

/// <summary>
/// A REST API stage the template creates: an <c>AWS::ApiGateway::Stage</c>, the stage CloudFormation creates for an
/// <c>AWS::ApiGateway::Deployment</c> with a <c>StageName</c> (named by the deployment's logical id, its settings
/// from <c>StageDescription</c>), or the stage SAM creates for an <c>AWS::Serverless::Api</c> (logical id
/// <c>{Api}{StageName}Stage</c>; <c>ServerlessRestApiProdStage</c> for the implicit API). <paramref name="Api"/> is the REST API's logical id, or its id when the template names one outside it.
/// </summary>
internal sealed record TemplateStage(string LogicalId, string? Api, TemplateValue? StageName, MapValue Properties, int Line, string? SamApi);

/// <summary>
/// Maps stages to the <c>AWS::ApiGateway::Stage</c> items Config records: <c>stageName</c>, <c>restApiId</c>,
/// <c>methodSettings</c> keyed <c>{path}/{method}</c> (<c>*/*</c> for every method) with the logging and metrics
/// settings, <c>accessLogSettings</c>, <c>tracingEnabled</c> (false when absent) and the associated <c>webAclArn</c>.
/// </summary>
internal static class StageMapper
{
    public const string ResourceType = TemplateTypes.Stage;

    /// <summary>
    /// The stages the template creates, explicit and SAM's. A stage SAM would generate under a logical id the template
    /// already uses (a change set lists SAM's own resources) is that resource, not a second stage.
    /// </summary>
    public static IReadOnlyList<TemplateStage> Stages(string file, IReadOnlyList<TemplateResource> resources)
    {
        var stages = new List<TemplateStage>();
        var defined = resources.Select(r => r.LogicalId).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            switch (resource.Type)
            {
                case TemplateTypes.Stage:
                    stages.Add(new TemplateStage(resource.LogicalId, ApiOf(resource.Properties.Get("RestApiId")), resource.Properties.Get("StageName"),
                        resource.Properties, resource.Line, null));
                    break;
                case TemplateTypes.Deployment when resource.Properties.Get("StageName") is { } deploymentStage:
                    stages.Add(new TemplateStage(resource.LogicalId, ApiOf(resource.Properties.Get("RestApiId")), deploymentStage,
                        DeploymentStageSettings.Of(file, resource.Properties.Get("StageDescription"), resource.Line), resource.Line, null));
                    break;
                case TemplateTypes.ServerlessApi:
                    // SAM names the implicit API's stage Prod; an explicit API's StageName is required.
                    var stageName = resource.Implicit ? new ScalarValue("Prod", false, resource.Line) : resource.Properties.Get("StageName");
                    var logicalId = SamStageLogicalId(resource.LogicalId, stageName);
                    if (defined.Contains(logicalId)) break;
                    stages.Add(new TemplateStage(logicalId, resource.LogicalId, stageName, resource.Properties, resource.Line, resource.LogicalId));
                    break;
            }
        }
        return stages;
    }

    /// <summary>SAM's logical id for an API's stage: the API's, the stage name's letters and digits, then "Stage".</summary>
    private static string SamStageLogicalId(string api, TemplateValue? stageName)
    {
        if (stageName is not ScalarValue { Text: var name }) return api + "Stage";
        var builder = new StringBuilder(api);
        foreach (var c in name.Where(char.IsAsciiLetterOrDigit)) builder.Append(c);
        return builder.Append("Stage").ToString();
    }

    /// <summary>The REST API a stage's <c>RestApiId</c> names: a template resource by logical id, else the id as written.</summary>
    private static string? ApiOf(TemplateValue? restApiId) => restApiId switch
    {
        ScalarValue scalar => scalar.Text,
        UnknownValue { Symbol: { } symbol } when TemplateReference.TryParse(symbol, out var reference) => reference.LogicalId,
        _ => null,
    };

    public static TemplateItem Map(string file, TemplateStage stage, TemplateValue? webAclArn)
    {
        using var config = new ConfigurationWriter(file);
        var properties = stage.Properties;
        config.String("stageName", "StageName", stage.StageName);
        if (stage.Api is { } api) config.String("restApiId", "RestApiId", new ScalarValue(api, false, stage.Line));
        WriteMethodSettings(config, file, properties.Get("MethodSettings"));

        var accessLog = properties.Get("AccessLogSetting");
        switch (accessLog)
        {
            case MapValue settings:
                config.StartObject("accessLogSettings");
                config.Reference("destinationArn", "AccessLogSetting.DestinationArn", settings.Get("DestinationArn"));
                config.String("format", "AccessLogSetting.Format", settings.Get("Format"));
                config.EndObject();
                break;
            case UnknownValue unknown:
                config.MarkUnknown("accessLogSettings.destinationArn", "AccessLogSetting", unknown.Reason);
                break;
        }
        config.Boolean("tracingEnabled", "TracingEnabled", properties.Get("TracingEnabled"), false);
        switch (webAclArn)
        {
            case UnknownValue unknown: config.MarkUnknown("webAclArn", "WebACLArn", unknown.Reason); break;
            case ScalarValue: config.String("webAclArn", "WebACLArn", webAclArn); break;
        }

        return config.FinishItem(ResourceType, stage.LogicalId, stage.StageName, stage.Line);
    }

    /// <summary>
    /// <c>MethodSettings</c>, a list of <c>{ResourcePath, HttpMethod, LoggingLevel, MetricsEnabled, DataTraceEnabled}</c>,
    /// as Config's map: key <c>{path without its leading slash, inner slashes as ~1}/{method}</c>, so <c>/*</c> and
    /// <c>*</c> give <c>*/*</c>. Both default to <c>*</c> in SAM and CloudFormation alike.
    /// </summary>
    private static void WriteMethodSettings(ConfigurationWriter config, string file, TemplateValue? value)
    {
        switch (value)
        {
            case null: return;
            case UnknownValue unknown: config.MarkUnknown("methodSettings", "MethodSettings", unknown.Reason); return;
            case not ListValue: throw new TemplateException(file, value.Line, "MethodSettings must be a list of method settings.");
        }
        var list = (ListValue)value;
        foreach (var entry in list.Items)
        {
            if (entry is UnknownValue unknownEntry) { config.MarkUnknown("methodSettings", "MethodSettings", unknownEntry.Reason); return; }
            if (entry is not MapValue map) throw new TemplateException(file, entry.Line, "each MethodSettings entry must be a mapping.");
            foreach (var (key, setting) in map.Entries)
            {
                if (setting is UnknownValue unknown && key is "ResourcePath" or "HttpMethod" or "LoggingLevel" or "MetricsEnabled" or "DataTraceEnabled")
                {
                    config.MarkUnknown("methodSettings", $"MethodSettings {key}", unknown.Reason);
                    return;
                }
            }
        }
        config.StartObject("methodSettings");
        foreach (var map in list.Items.Cast<MapValue>())
        {
            var path = (map.Get("ResourcePath") as ScalarValue)?.Text ?? "/*";
            var method = (map.Get("HttpMethod") as ScalarValue)?.Text ?? "*";
            config.StartObject($"{path.TrimStart('/').Replace("/", "~1", StringComparison.Ordinal)}/{method}");
            config.String("loggingLevel", "MethodSettings LoggingLevel", map.Get("LoggingLevel"));
            config.Boolean("metricsEnabled", "MethodSettings MetricsEnabled", map.Get("MetricsEnabled"));
            config.Boolean("dataTraceEnabled", "MethodSettings DataTraceEnabled", map.Get("DataTraceEnabled"));
            config.EndObject();
        }
        config.EndObject();
    }
}
