using ConfigRules.Rules;
using ConfigRules.Templates.Dashboard;
using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The deploy stack a governance team deploys first: every function with its role, log group and alarm,
/// Config's invoke permissions, notices, remediation, the deployment hook, and (by default) the serverless-governance pack
/// wired to the functions' ARNs, so one deploy gives a working setup.
/// </summary>
public static class StackBuilder
{
    public const string PackLogicalId = "ServerlessGovernancePack";

    public static readonly IReadOnlyList<long> LogRetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static YamlMap Build(string packTemplateBody)
    {
        var parameters = new YamlMap()
            .Add("CodeS3Bucket", new YamlMap().Add("Type", "String")
                .Add("Description", "Bucket holding config-rules-lambda.zip (same region as the stack).")
                .Add("AllowedPattern", "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"))
            .Add(FunctionResources.ArchitectureParameter, PackBuilder.StringParameter(FunctionResources.DefaultArchitecture,
                    "Instruction set of every function: arm64 (Graviton, lower price per GB-second) or x86_64. Picks the zip and the functions' Architectures.")
                .Add("AllowedValues", Cfn.List(FunctionResources.Architectures.Select(architecture => (YamlNode)architecture))))
            .Add("CodeS3Key", PackBuilder.StringParameter("config-rules-lambda.zip", "Key of the x86_64 zip written by `dotnet cake --target=Package` (used when Architecture is x86_64)."))
            .Add("CodeS3KeyArm64", PackBuilder.StringParameter("config-rules-lambda-arm64.zip", "Key of the arm64 zip written by `dotnet cake --target=Package` (used when Architecture is arm64)."))
            .Add("CodeS3ObjectVersion", PackBuilder.StringParameter("", "Object version of the zip (versioned buckets); empty: the latest."))
            .Add(PackBuilder.FunctionNamePrefixParameter,
                CentralStackParameters.FunctionNamePrefix("Prefix of every function, log group, alarm, topic, role and document name."))
            .Add("LogRetentionInDays", new YamlMap().Add("Type", "Number").Add("Default", 90)
                .Add("Description", "Days the functions' logs are kept.")
                .Add("AllowedValues", new YamlSequence(LogRetentionDays.Select(days => (YamlNode)days))))
            .Add("ReservedConcurrency", new YamlMap().Add("Type", "Number").Add("Default", 0).Add("MinValue", 0)
                .Add("Description", "Reserved concurrency of each function; 0: none (an account needs 100 unreserved executions left, so small accounts cannot reserve any)."))
            .Add("NotificationEmail", PackBuilder.StringParameter("", "Email address subscribed to violation notices; empty: none (subscribe later)."))
            .Add("OperationsEmail", PackBuilder.StringParameter("", "Email address subscribed to the functions' error-rate alarms (the operations topic); empty: none."))
            .Add("DeployConformancePack", PackBuilder.StringParameter("true", "Deploy the serverless-governance pack wired to these functions.")
                .Add("AllowedValues", Cfn.List("true", "false")))
            .Add("ConformancePackName", PackBuilder.StringParameter("serverless-governance", "Name of the conformance pack."));
        ErrorRateAlarm.AddParameters(parameters);
        OrganizationCentral.AddParameters(parameters);
        HookResources.AddParameters(parameters);
        ExemptionsResources.AddParameters(parameters);

        var conditions = new YamlMap()
            .Add("IsArm64", Cfn.Equals("arm64", Cfn.Ref(FunctionResources.ArchitectureParameter)))
            .Add("HasCodeS3ObjectVersion", Cfn.Not(Cfn.Equals("", Cfn.Ref("CodeS3ObjectVersion"))))
            .Add("HasReservedConcurrency", Cfn.Not(Cfn.Equals(0, Cfn.Ref("ReservedConcurrency"))))
            .Add("HasNotificationEmail", Cfn.Not(Cfn.Equals("", Cfn.Ref("NotificationEmail"))))
            .Add("HasOperationsEmail", Cfn.Not(Cfn.Equals("", Cfn.Ref("OperationsEmail"))))
            .Add("DeployPack", Cfn.Equals("true", Cfn.Ref("DeployConformancePack")));
        OrganizationCentral.AddCondition(conditions);
        HookResources.AddConditions(conditions);
        ExemptionsResources.AddConditions(conditions);
        PackWiring.AddRuleParameters(parameters, withRemediation: true);

        var resources = new YamlMap();
        foreach (var rule in Handlers.Rules)
        {
            FunctionResources.Add(resources, rule, ExemptionsResources.WithVariable(OrganizationCentral.RuleFunctionEnvironment(), rule), [],
                OrganizationCentral.RuleRolePath());
            FunctionResources.AddConfigPermission(resources, rule);
        }
        OrganizationCentral.AddResources(resources);
        ExemptionsResources.AddResources(resources, Handlers.Rules, Handlers.CloudFormationHook);
        FunctionResources.Add(resources, Handlers.ComplianceNotifier,
            new YamlMap().Add("NOTIFICATION_TOPIC_ARN", Cfn.Ref("ViolationsTopic")), NotificationResources.NotifierStatements());
        FunctionResources.Add(resources, Handlers.EndpointRemediation, RemediationResources.FunctionEnvironment(), []);
        HookResources.Add(resources);
        NotificationResources.Add(resources, RuleCatalog.Definitions.Select(rule => rule.Id));
        RemediationResources.Add(resources);
        resources.Add(DashboardBuilder.LogicalId, DashboardBuilder.Resource());
        resources.Add(PackLogicalId, Pack(packTemplateBody));

        var outputs = new YamlMap();
        foreach (var handler in Handlers.All)
            outputs.Add(handler.Logical("FunctionArn"), Output(Cfn.GetAtt(handler.Logical("Function"), "Arn"), $"ARN of the {handler.Id} function."));
        outputs.Add("DeploymentHookAlias", Output(HookResources.Alias, "The hook CloudFormation shows in stack events when it judges a deployment."));
        outputs.Add("ViolationsTopicArn", Output(Cfn.Ref("ViolationsTopic"), "Subscribe here for violation notices."));
        outputs.Add("OperationsTopicArn", Output(Cfn.Ref("OperationsTopic"), "Subscribe here for the functions' error-rate alarms."));
        outputs.Add("DashboardName", Output(Cfn.Ref(DashboardBuilder.LogicalId), "The fleet's CloudWatch dashboard: evaluations, non-compliant trend, durations, errors, hook decisions."));
        outputs.Add("RemediationDocumentName", Output(Cfn.Ref(RemediationResources.DocumentLogicalId), "The set-private SSM Automation document."));
        outputs.Add("RemediationAutomationRoleArn", Output(Cfn.GetAtt(RemediationResources.AssumeRoleLogicalId, "Arn"), "The role the automation runs as."));

        return new YamlMap()
            .Add("AWSTemplateFormatVersion", "2010-09-09")
            .Add("Description", "ConfigRules: the custom AWS Config rule functions, violation notices, API Gateway remediation and the serverless-governance conformance pack.")
            .Add("Parameters", parameters)
            .Add("Conditions", conditions)
            .Add("Resources", resources)
            .Add("Outputs", outputs);
    }

    private static YamlMap Pack(string packTemplateBody)
    {
        var inputs = new YamlSequence();
        foreach (var rule in Handlers.Rules)
            inputs.Add(PackWiring.Input(Naming.FunctionArnParameter(rule.Rule!), Cfn.GetAtt(rule.Logical("Function"), "Arn")));
        inputs.Add(PackWiring.Input(EndpointRemediation.DocumentParameter, Cfn.Ref(RemediationResources.DocumentLogicalId)));
        inputs.Add(PackWiring.Input(EndpointRemediation.AssumeRoleParameter, Cfn.GetAtt(RemediationResources.AssumeRoleLogicalId, "Arn")));
        foreach (var input in PackWiring.RuleParameterInputs(withRemediation: true)) inputs.Add(input);

        return new YamlMap()
            .Add("Type", "AWS::Config::ConformancePack")
            .Add("Condition", "DeployPack")
            .Add("DependsOn", new YamlSequence(Handlers.Rules.Select(rule => (YamlNode)rule.Logical("ConfigPermission"))),
                "Config checks that it may invoke each function when it creates the rules.")
            .Add("Properties", new YamlMap()
                .Add("ConformancePackName", Cfn.Ref("ConformancePackName"))
                .Add("TemplateBody", new YamlLiteral(packTemplateBody), "conformance-packs/serverless-governance.yaml, embedded (generated; the tests check it is identical).")
                .Add("ConformancePackInputParameters", inputs));
    }

    private static YamlMap Output(YamlNode value, string description) =>
        new YamlMap().Add("Description", description).Add("Value", value);
}
