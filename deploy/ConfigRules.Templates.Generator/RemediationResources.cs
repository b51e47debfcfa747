using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The stack side of the API Gateway remediation: the SSM Automation document that the pack's
/// RemediationConfiguration runs, the role it runs as (it may invoke the remediation function and nothing
/// else), and the fast path: an EventBridge rule on API Gateway management calls recorded by CloudTrail
/// that hands them to the remediation function, which asks Config to re-evaluate the endpoint rule at once.
/// </summary>
public static class RemediationResources
{
    public const string DocumentLogicalId = "EndpointRemediationDocument";
    public const string AssumeRoleLogicalId = "RemediationAutomationRole";
    public const string ApiChangeRuleLogicalId = "ApiGatewayChangeRule";

    /// <summary>The management calls that can create or change a REST API's endpoint type.</summary>
    public static IReadOnlyList<string> ApiGatewayEventNames { get; } = ["CreateRestApi", "UpdateRestApi", "ImportRestApi", "PutRestApi"];

    public static YamlMap FunctionEnvironment() => new YamlMap()
        .Add("ENDPOINT_RULE_NAME", EndpointRemediation.RuleId);

    public static void Add(YamlMap resources)
    {
        var function = Handlers.EndpointRemediation;
        var functionArn = Cfn.GetAtt(function.Logical("Function"), "Arn");

        resources.Add(AssumeRoleLogicalId, new YamlMap()
            .Add("Type", "AWS::IAM::Role")
            .Add("Properties", new YamlMap()
                .Add("RoleName", Cfn.Sub(EndpointRemediation.AssumeRoleNameTemplate("${FunctionNamePrefix}")),
                    "A fixed name, so an organization pack can name it in every member account.")
                .Add("Description", "Runs the set-private automation: may invoke the remediation function, nothing else.")
                .Add("AssumeRolePolicyDocument", Cfn.PolicyDocument(new YamlMap()
                    .Add("Effect", "Allow")
                    .Add("Principal", new YamlMap().Add("Service", "ssm.amazonaws.com"))
                    .Add("Action", "sts:AssumeRole")
                    .Add("Condition", new YamlMap()
                        .Add("StringEquals", new YamlMap().Add("aws:SourceAccount", Cfn.AccountId))
                        .Add("ArnLike", new YamlMap().Add("aws:SourceArn",
                            Cfn.Sub("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:automation-execution/*"))))))
                .Add("Policies", new YamlSequence(new YamlMap()
                    .Add("PolicyName", "invoke-endpoint-remediation")
                    .Add("PolicyDocument", Cfn.PolicyDocument(
                        Cfn.Statement("InvokeTheRemediationFunction", "Allow", null, Cfn.List("lambda:InvokeFunction"), functionArn)))))));

        var document = new YamlMap()
            .Add("schemaVersion", "0.3")
            .Add("description", "Sets a REST API's endpoint type back to PRIVATE (and optionally attaches VPC endpoints) through the api-gateway-endpoint-remediation function.")
            .Add("assumeRole", $"{{{{ {EndpointRemediation.AssumeRoleInput} }}}}")
            .Add("parameters", new YamlMap()
                .Add(EndpointRemediation.AssumeRoleInput, new YamlMap().Add("type", "String")
                    .Add("description", "The role the automation runs as.")
                    .Add("allowedPattern", "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$"))
                .Add(EndpointRemediation.RestApiIdInput, new YamlMap().Add("type", "String")
                    .Add("description", "The id of the REST API to make private.")
                    .Add("allowedPattern", "^[a-z0-9]{1,32}$"))
                .Add(EndpointRemediation.VpcEndpointIdsInput, new YamlMap().Add("type", "String").Add("default", "")
                    .Add("description", "VPC endpoint ids, comma-separated, to attach, with a resource policy that admits only them. Empty: the API is made private only if its resource policy already admits callers by aws:SourceVpce or aws:SourceVpc (kept as is); otherwise the remediation fails and the API is not changed.")
                    .Add("allowedPattern", "^(vpce-[0-9a-f]{8,17}(,vpce-[0-9a-f]{8,17})*)?$")))
            .Add("mainSteps", new YamlSequence(new YamlMap()
                .Add("name", "SetEndpointTypePrivate")
                .Add("action", "aws:invokeLambdaFunction")
                .Add("onFailure", "Abort")
                .Add("timeoutSeconds", 300)
                .Add("isEnd", true)
                .Add("inputs", new YamlMap()
                    .Add("FunctionName", functionArn)
                    .Add("InvocationType", "RequestResponse")
                    // The allowed patterns above keep both values plain JSON string content.
                    .Add("Payload", "{\"RestApiId\":\"{{ RestApiId }}\",\"VpcEndpointIds\":\"{{ VpcEndpointIds }}\"}"))));
        resources.Add(DocumentLogicalId, new YamlMap()
            .Add("Type", "AWS::SSM::Document")
            .Add("Properties", new YamlMap()
                .Add("Name", Cfn.Sub($"${{FunctionNamePrefix}}-{EndpointRemediation.DocumentNameSuffix}"))
                .Add("DocumentType", "Automation")
                .Add("DocumentFormat", "YAML")
                .Add("Content", document)));

        resources.Add(ApiChangeRuleLogicalId, new YamlMap()
            .Add("Type", "AWS::Events::Rule")
            .Add("Properties", new YamlMap()
                .Add("Description", "REST API creations and changes recorded by CloudTrail: re-evaluate the endpoint rule at once.")
                .Add("State", "ENABLED")
                .Add("EventPattern", new YamlMap()
                    .Add("source", Cfn.List("aws.apigateway"))
                    .Add("detail-type", Cfn.List("AWS API Call via CloudTrail"))
                    .Add("detail", new YamlMap()
                        .Add("eventSource", Cfn.List("apigateway.amazonaws.com"))
                        .Add("eventName", new YamlSequence(ApiGatewayEventNames.Select(name => (YamlNode)name)))))
                .Add("Targets", new YamlSequence(new YamlMap()
                    .Add("Id", Naming.EndpointRemediation)
                    .Add("Arn", functionArn)
                    .Add("RetryPolicy", new YamlMap().Add("MaximumRetryAttempts", 10).Add("MaximumEventAgeInSeconds", 3600))))));
        resources.Add(function.Logical("EventsPermission"), FunctionResources.EventsPermission(function, ApiChangeRuleLogicalId));
    }
}
