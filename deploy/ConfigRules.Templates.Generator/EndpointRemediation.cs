using ConfigRules.Rules.ApiGatewayEndpointType;
using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The pack side of the API Gateway remediation: an automatic AWS::Config::RemediationConfiguration that runs
/// the deploy stack's SSM Automation document (which invokes api-gateway-endpoint-remediation) with the
/// non-compliant API's id, so a REST API made Regional or edge-optimized goes back to PRIVATE by itself.
/// </summary>
public static class EndpointRemediation
{
    /// <summary>The rule whose findings the remediation fixes.</summary>
    public static string RuleId => ApiGatewayEndpointTypeCheckDefinition.Value.Id;
    public const string DocumentParameter = "ApiGatewayEndpointRemediationDocument";
    public const string AssumeRoleParameter = "ApiGatewayEndpointRemediationAssumeRoleArn";
    public const string VpcEndpointIdsParameter = "ApiGatewayEndpointRemediationVpcEndpointIds";
    public const string MaximumAttemptsParameter = "ApiGatewayEndpointRemediationMaximumAttempts";
    public const string RetrySecondsParameter = "ApiGatewayEndpointRemediationRetrySeconds";
    public const string HasVpcEndpointIdsCondition = "HasApiGatewayEndpointRemediationVpcEndpointIds";

    /// <summary>The document and role names the deploy stack gives, after its name prefix.</summary>
    public const string DocumentNameSuffix = "api-gateway-set-private";

    public const string AssumeRoleNameSuffix = "remediation-automation";

    /// <summary>The automation document's parameter names (also the remediation's Parameters keys).</summary>
    public const string RestApiIdInput = "RestApiId";
    public const string VpcEndpointIdsInput = "VpcEndpointIds";
    public const string AssumeRoleInput = "AutomationAssumeRole";

    /// <summary>The IAM role name as a !Sub template: IAM is global, so the region keeps stacks in two regions apart.</summary>
    public static string AssumeRoleNameTemplate(string prefixReference) => $"{prefixReference}-{AssumeRoleNameSuffix}-${{AWS::Region}}";

    internal static void AddTo(PackSpec spec, YamlMap parameters, YamlMap conditions, YamlMap resources)
    {
        if (!spec.Rules.Any(rule => rule.Id == RuleId))
            throw new InvalidOperationException($"The endpoint remediation needs the {RuleId} rule in the pack.");

        YamlNode document, assumeRole;
        if (spec.Functions == FunctionSource.ArnParameters)
        {
            parameters.Add(DocumentParameter, PackBuilder.StringParameter($"{Naming.DefaultPrefix}-{DocumentNameSuffix}",
                "Name of the SSM Automation document that sets a REST API back to PRIVATE (created by the deploy stack)."));
            parameters.Add(AssumeRoleParameter, new YamlMap()
                .Add("Type", "String")
                .Add("Description", "ARN of the role the automation runs as (output RemediationAutomationRoleArn of the deploy stack).")
                .Add("AllowedPattern", "^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$"));
            document = Cfn.Ref(DocumentParameter);
            assumeRole = Cfn.Ref(AssumeRoleParameter);
        }
        else
        {
            var prefix = $"${{{PackBuilder.FunctionNamePrefixParameter}}}";
            document = Cfn.Sub($"{prefix}-{DocumentNameSuffix}");
            assumeRole = Cfn.Sub($"arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:role/{AssumeRoleNameTemplate(prefix)}");
        }

        parameters.Add(VpcEndpointIdsParameter, PackBuilder.StringParameter("",
            "VPC endpoint ids (comma-separated) to attach to a remediated API, with a resource policy that admits only them. Empty: an API is made private only if its resource policy already admits aws:SourceVpce or aws:SourceVpc callers; any other API is left unchanged and the remediation fails."));
        parameters.Add(MaximumAttemptsParameter, PackBuilder.StringParameter("5",
            "How many times Config retries a failed remediation of one API (1 to 25).").Add("AllowedPattern", "^([1-9]|1[0-9]|2[0-5])$"));
        parameters.Add(RetrySecondsParameter, PackBuilder.StringParameter("60",
            "Seconds in which MaximumAutomaticAttempts is counted (1 to 2678000).").Add("AllowedPattern", "^[1-9][0-9]{0,6}$"));
        conditions.Add(HasVpcEndpointIdsCondition, Cfn.Not(Cfn.Equals("", Cfn.Ref(VpcEndpointIdsParameter))));

        var inputs = new YamlMap()
            .Add(AssumeRoleInput, StaticValue(assumeRole))
            .Add(RestApiIdInput, new YamlMap().Add("ResourceValue", new YamlMap().Add("Value", "RESOURCE_ID")))
            .Add(VpcEndpointIdsInput, Cfn.If(HasVpcEndpointIdsCondition, StaticValue(Cfn.Ref(VpcEndpointIdsParameter)), Cfn.NoValue));

        var properties = new YamlMap()
            .Add("ConfigRuleName", RuleId)
            .Add("ResourceType", "AWS::ApiGateway::RestApi")
            .Add("TargetType", "SSM_DOCUMENT")
            .Add("TargetId", document)
            .Add("Automatic", true)
            .Add("MaximumAutomaticAttempts", Cfn.Ref(MaximumAttemptsParameter))
            .Add("RetryAttemptSeconds", Cfn.Ref(RetrySecondsParameter))
            .Add("Parameters", inputs);
        resources.Add(Naming.Pascal(RuleId) + "Remediation", new YamlMap()
            .Add("Type", "AWS::Config::RemediationConfiguration")
            .Add("DependsOn", Naming.Pascal(RuleId))
            .Add("Properties", properties));
    }

    private static YamlMap StaticValue(YamlNode value) =>
        new YamlMap().Add("StaticValue", new YamlMap().Add("Values", new YamlSequence(value)));
}
