using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.ApiGatewayStageLogging;

/// <summary>api-gateway-stage-logging-check as data: see README.md beside this file.</summary>
public static class ApiGatewayStageLoggingCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "api-gateway-stage-logging-check",
        Title = "API Gateway stages log every method, write access logs and, where required, trace",
        Description = "Flags REST API stages whose execution logging for all methods is off or below the minimum level, that write no access logs, or that do not trace with X-Ray when tracing is required. Without persistent logs an attack or an outage leaves no trail.",
        ResourceTypes = [ApiGatewayStageFacts.ResourceType],
        TemplateResourceTypes = [ApiGatewayStageFacts.DeploymentResourceType],
        Severity = Severity.Medium,
        Packs = [RulePacks.ServerlessSecurity],
        Parameters =
        [
            new("minLoggingLevel", ParameterKind.String, "ERROR",
                "The least execution logging level for all methods (*/*): ERROR or INFO (INFO logs more).", AllowedValues: ["ERROR", "INFO"]),
            new("requireAccessLogs", ParameterKind.Boolean, "true", "Require access logs (accessLogSettings.destinationArn)."),
            new("requireTracing", ParameterKind.Boolean, "false", "Require X-Ray tracing (tracingEnabled)."),
        ],
        TemplateInputs =
        [
            new("methodSettings", "MethodSettings"),
            new("accessLogSettings.destinationArn", "AccessLogSetting.DestinationArn"),
            new("tracingEnabled", "TracingEnabled"),
        ],
        Remediation = "Set the stage's logging level for all methods to the minimum or above, send access logs to a log group, and enable X-Ray tracing where required.",
    };
}
