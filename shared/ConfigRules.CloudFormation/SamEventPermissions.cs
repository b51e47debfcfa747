namespace ConfigRules.CloudFormation;

/// <summary>
/// The <c>AWS::Lambda::Permission</c> SAM creates for each push event source of an <c>AWS::Serverless::Function</c>,
/// with the principal and the condition SAM gives it (logical id <c>{Function}{Event}Permission</c>). Poll-based
/// sources (SQS, Kinesis, DynamoDB, MSK, MQ) read through the function's role and add no permission.
/// </summary>
internal static class SamEventPermissions
{
    /// <summary>Event type to the service principal and the condition key SAM scopes the permission with.</summary>
    private static readonly Dictionary<string, (string Principal, string? ConditionKey)> Sources = new(StringComparer.Ordinal)
    {
        ["Api"] = ("apigateway.amazonaws.com", "AWS:SourceArn"),
        ["HttpApi"] = ("apigateway.amazonaws.com", "AWS:SourceArn"),
        ["S3"] = ("s3.amazonaws.com", "AWS:SourceAccount"),
        ["SNS"] = ("sns.amazonaws.com", "AWS:SourceArn"),
        ["Schedule"] = ("events.amazonaws.com", "AWS:SourceArn"),
        ["EventBridgeRule"] = ("events.amazonaws.com", "AWS:SourceArn"),
        ["CloudWatchEvent"] = ("events.amazonaws.com", "AWS:SourceArn"),
        ["CloudWatchLogs"] = ("logs.amazonaws.com", "AWS:SourceArn"),
        ["IoTRule"] = ("iot.amazonaws.com", "AWS:SourceAccount"),
        ["Cognito"] = ("cognito-idp.amazonaws.com", "AWS:SourceArn"),
        ["AlexaSkill"] = ("alexa-appkit.amazon.com", null),
    };

    public static IEnumerable<PolicyGrant> For(TemplateResource function)
    {
        if (function.Properties.Get("Events") is not MapValue events) yield break;
        foreach (var (name, value) in events.Entries)
        {
            if (value is not MapValue evt || evt.Get("Type") is not ScalarValue { Text: var type } || !Sources.TryGetValue(type, out var source)) continue;
            var properties = evt.Get("Properties") as MapValue ?? new MapValue([], evt.Line);
            var conditions = new List<(string, string, TemplateValue)>();
            if (source.ConditionKey == "AWS:SourceAccount")
                conditions.Add(("StringEquals", "AWS:SourceAccount", new UnknownValue("it is the deploying account", evt.Line, "${AWS::AccountId}")));
            else if (source.ConditionKey is { } key)
                conditions.Add(("ArnLike", key, new UnknownValue($"it is the ARN of the {type} source SAM connects", evt.Line, SourceArn(function.LogicalId, name, type, properties))));
            else if (properties.Get("SkillId") is { } skill)
                conditions.Add(("StringEquals", "lambda:EventSourceToken", skill));
            yield return new PolicyGrant($"{function.LogicalId}{name}Permission", new ScalarValue(source.Principal, false, evt.Line), "lambda:InvokeFunction", conditions, evt.Line);
        }
    }

    /// <summary>The source ARN SAM writes, in <c>${...}</c> notation: for APIs the execute-api ARN of the API and method.</summary>
    private static string SourceArn(string function, string eventName, string type, MapValue properties)
    {
        switch (type)
        {
            case "Api" or "HttpApi":
                var api = properties.Get("RestApiId") ?? properties.Get("ApiId");
                var apiText = api switch
                {
                    ScalarValue s => s.Text,
                    UnknownValue { Symbol: { } symbol } => symbol,
                    _ => type == "Api" ? "${ServerlessRestApi}" : "${ServerlessHttpApi}",
                };
                var method = (properties.Get("Method") as ScalarValue)?.Text?.ToUpperInvariant() ?? "*";
                var path = (properties.Get("Path") as ScalarValue)?.Text ?? "/*";
                if (method == "ANY") method = "*";
                return $"arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:{apiText}/*/{method}{path}";
            default:
                return $"${{{function}{eventName}}}";
        }
    }
}
