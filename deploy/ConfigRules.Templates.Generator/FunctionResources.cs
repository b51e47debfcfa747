using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>The resources every function gets: log group with retention, role, function and Errors alarm.</summary>
public static class FunctionResources
{
    public const string Runtime = "provided.al2023";
    public const string Architecture = "x86_64";
    public const long MemorySize = 256;

    /// <summary>Periodic runs page through every recorded resource; 300 s is also the catalog's default maximum.</summary>
    public const long Timeout = 300;

    public static void Add(YamlMap resources, HandlerSpec handler, YamlMap? environment, IEnumerable<YamlMap> extraStatements, YamlNode? rolePath = null, long timeout = Timeout)
    {
        resources.Add(handler.Logical("LogGroup"), new YamlMap()
            .Add("Type", "AWS::Logs::LogGroup")
            .Add("DeletionPolicy", "Delete")
            .Add("Properties", new YamlMap()
                .Add("LogGroupName", Cfn.Sub($"/aws/lambda/{handler.FunctionNameTemplate}"))
                .Add("RetentionInDays", Cfn.Ref("LogRetentionInDays"))));

        resources.Add(handler.Logical("Role"), RolePolicies.Role(handler, extraStatements, rolePath));

        var code = new YamlMap()
            .Add("S3Bucket", Cfn.Ref("CodeS3Bucket"))
            .Add("S3Key", Cfn.Ref("CodeS3Key"))
            .Add("S3ObjectVersion", Cfn.If("HasCodeS3ObjectVersion", Cfn.Ref("CodeS3ObjectVersion"), Cfn.NoValue));
        var properties = new YamlMap()
            .Add("FunctionName", Cfn.Sub(handler.FunctionNameTemplate))
            .Add("Description", handler.Description)
            .Add("Runtime", Runtime)
            .Add("Architectures", Cfn.List(Architecture))
            .Add("Handler", handler.Id, "The one bootstrap serves every handler; _HANDLER picks this one.")
            .Add("Code", code)
            .Add("Role", Cfn.GetAtt(handler.Logical("Role"), "Arn"))
            .Add("MemorySize", MemorySize)
            .Add("Timeout", timeout)
            .Add("ReservedConcurrentExecutions", Cfn.If("HasReservedConcurrency", Cfn.Ref("ReservedConcurrency"), Cfn.NoValue));
        if (environment is not null) properties.Add("Environment", new YamlMap().Add("Variables", environment));
        resources.Add(handler.Logical("Function"), new YamlMap()
            .Add("Type", "AWS::Lambda::Function")
            .Add("DependsOn", handler.Logical("LogGroup"))
            .Add("Properties", properties));

        resources.Add(handler.Logical("ErrorsAlarm"), new YamlMap()
            .Add("Type", "AWS::CloudWatch::Alarm")
            .Add("Properties", new YamlMap()
                .Add("AlarmName", Cfn.Sub($"{handler.FunctionNameTemplate}-errors"))
                .Add("AlarmDescription", $"{handler.Id} failed an invocation (bad rule parameters, malformed event or an AWS call that failed after retries). See its log group.")
                .Add("Namespace", "AWS/Lambda")
                .Add("MetricName", "Errors")
                .Add("Dimensions", new YamlSequence(new YamlMap().Add("Name", "FunctionName").Add("Value", Cfn.Ref(handler.Logical("Function")))))
                .Add("Statistic", "Sum")
                .Add("Period", 300)
                .Add("EvaluationPeriods", 1)
                .Add("Threshold", 1)
                .Add("ComparisonOperator", "GreaterThanOrEqualToThreshold")
                .Add("TreatMissingData", "notBreaching")
                .Add("AlarmActions", Cfn.List(Cfn.Ref("OperationsTopic")))
                .Add("OKActions", Cfn.List(Cfn.Ref("OperationsTopic")))));
    }

    /// <summary>Lets AWS Config of this account, and no other, invoke a rule function.</summary>
    public static void AddConfigPermission(YamlMap resources, HandlerSpec handler) =>
        resources.Add(handler.Logical("ConfigPermission"), new YamlMap()
            .Add("Type", "AWS::Lambda::Permission")
            .Add("Properties", new YamlMap()
                .Add("Action", "lambda:InvokeFunction")
                .Add("FunctionName", Cfn.GetAtt(handler.Logical("Function"), "Arn"))
                .Add("Principal", "config.amazonaws.com")
                .Add("SourceAccount", Cfn.AccountId, "Config of another account cannot use this function (confused deputy).")));

    /// <summary>Lets one EventBridge rule, and only it, invoke a function.</summary>
    public static YamlMap EventsPermission(HandlerSpec handler, string ruleLogicalId) => new YamlMap()
        .Add("Type", "AWS::Lambda::Permission")
        .Add("Properties", new YamlMap()
            .Add("Action", "lambda:InvokeFunction")
            .Add("FunctionName", Cfn.GetAtt(handler.Logical("Function"), "Arn"))
            .Add("Principal", "events.amazonaws.com")
            .Add("SourceAccount", Cfn.AccountId)
            .Add("SourceArn", Cfn.GetAtt(ruleLogicalId, "Arn")));
}
