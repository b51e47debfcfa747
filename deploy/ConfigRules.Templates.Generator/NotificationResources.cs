using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// Violation notices and operations alerts: a customer-managed KMS key, the encrypted violations topic
/// that only the notifier may publish to, the encrypted operations topic for the functions' alarms, and
/// the EventBridge rule that hands this package's compliance changes to the notifier.
/// </summary>
public static class NotificationResources
{
    private const string KeyPolicyResourceComment =
        "Resource \"*\" in a key policy means this key itself: KMS key policies (kms:PutKeyPolicy) accept no other value.";

    public static IEnumerable<YamlMap> NotifierStatements()
    {
        yield return Cfn.Statement("PublishViolationNotices", "Allow", null, Cfn.List("sns:Publish"), Cfn.Ref("ViolationsTopic"));
        yield return Cfn.Statement("EncryptForTheTopic", "Allow", null, Cfn.List("kms:Decrypt", "kms:GenerateDataKey"),
            Cfn.GetAtt("NotificationKey", "Arn"),
            new YamlMap().Add("StringEquals", new YamlMap().Add("kms:ViaService", Cfn.Sub("sns.${AWS::Region}.amazonaws.com"))));
    }

    public static void Add(YamlMap resources, IEnumerable<string> ruleIds)
    {
        var sourceAccount = new YamlMap().Add("StringEquals", new YamlMap().Add("aws:SourceAccount", Cfn.AccountId));
        var keyStatements = new YamlSequence()
            .Add(KeyStatement("AccountAdministersTheKey", new YamlMap().Add("AWS", Cfn.Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")),
                Cfn.List("kms:*"), null))
            .Add(KeyStatement("SnsEncryptsForThisAccount", new YamlMap().Add("Service", "sns.amazonaws.com"),
                Cfn.List("kms:Decrypt", "kms:GenerateDataKey*"), sourceAccount))
            .Add(KeyStatement("CloudWatchAlarmsPublishToOperations", new YamlMap().Add("Service", "cloudwatch.amazonaws.com"),
                Cfn.List("kms:Decrypt", "kms:GenerateDataKey*"), sourceAccount));
        resources.Add("NotificationKey", new YamlMap()
            .Add("Type", "AWS::KMS::Key")
            .Add("Properties", new YamlMap()
                .Add("Description", "Encrypts the ConfigRules violation and operations topics.")
                .Add("EnableKeyRotation", true)
                .Add("KeyPolicy", new YamlMap().Add("Version", "2012-10-17").Add("Statement", keyStatements))));
        resources.Add("NotificationKeyAlias", new YamlMap()
            .Add("Type", "AWS::KMS::Alias")
            .Add("Properties", new YamlMap()
                .Add("AliasName", Cfn.Sub("alias/${FunctionNamePrefix}-notifications"))
                .Add("TargetKeyId", Cfn.Ref("NotificationKey"))));

        AddTopic(resources, "ViolationsTopic", "${FunctionNamePrefix}-violations", "ConfigRules violation notices", "HasNotificationEmail", "NotificationEmail");
        resources.Add("ViolationsTopicPolicy", TopicPolicy("ViolationsTopic",
            Cfn.Statement("OnlyTheNotifierPublishes", "Allow", new YamlMap().Add("AWS", Cfn.GetAtt("ComplianceNotifierRole", "Arn")),
                "sns:Publish", Cfn.Ref("ViolationsTopic")),
            Cfn.Statement("NoOtherPublisher", "Deny", new YamlMap().Add("AWS", "*"), "sns:Publish", Cfn.Ref("ViolationsTopic"),
                new YamlMap().Add("ArnNotEquals", new YamlMap().Add("aws:PrincipalArn", Cfn.GetAtt("ComplianceNotifierRole", "Arn"))))));

        AddTopic(resources, "OperationsTopic", "${FunctionNamePrefix}-operations", "ConfigRules function alarms", "HasOperationsEmail", "OperationsEmail");
        resources.Add("OperationsTopicPolicy", TopicPolicy("OperationsTopic",
            Cfn.Statement("FunctionAlarmsPublish", "Allow", new YamlMap().Add("Service", "cloudwatch.amazonaws.com"),
                "sns:Publish", Cfn.Ref("OperationsTopic"),
                new YamlMap()
                    .Add("StringEquals", new YamlMap().Add("aws:SourceAccount", Cfn.AccountId))
                    .Add("ArnLike", new YamlMap().Add("aws:SourceArn",
                        Cfn.Sub("arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:${FunctionNamePrefix}-*")))),
            Cfn.Statement("NoOtherPublisher", "Deny", new YamlMap().Add("AWS", "*"), "sns:Publish", Cfn.Ref("OperationsTopic"),
                new YamlMap().Add("StringNotEquals", new YamlMap().Add("aws:PrincipalServiceName", "cloudwatch.amazonaws.com")))));

        // Only this package's rules: pack rule names are the rule id plus a suffix Config adds.
        var ruleNames = new YamlSequence(ruleIds.Select(id => (YamlNode)new YamlMap().Add("prefix", id)));
        resources.Add("ComplianceChangeRule", new YamlMap()
            .Add("Type", "AWS::Events::Rule")
            .Add("Properties", new YamlMap()
                .Add("Description", "Compliance changes of the ConfigRules rules, for the compliance-notifier.")
                .Add("State", "ENABLED")
                .Add("EventPattern", new YamlMap()
                    .Add("source", Cfn.List("aws.config"))
                    .Add("detail-type", Cfn.List("Config Rules Compliance Change"))
                    .Add("detail", new YamlMap().Add("configRuleName", ruleNames)))
                .Add("Targets", new YamlSequence(new YamlMap()
                    .Add("Id", Naming.ComplianceNotifier)
                    .Add("Arn", Cfn.GetAtt(Handlers.ComplianceNotifier.Logical("Function"), "Arn"))
                    .Add("RetryPolicy", new YamlMap().Add("MaximumRetryAttempts", 185).Add("MaximumEventAgeInSeconds", 86400))))));
        resources.Add(Handlers.ComplianceNotifier.Logical("EventsPermission"),
            FunctionResources.EventsPermission(Handlers.ComplianceNotifier, "ComplianceChangeRule"));
    }

    private static YamlMap KeyStatement(string sid, YamlMap principal, YamlNode actions, YamlMap? condition)
    {
        var statement = new YamlMap().Add("Sid", sid).Add("Effect", "Allow").Add("Principal", principal).Add("Action", actions)
            .Add("Resource", "*", KeyPolicyResourceComment);
        if (condition is not null) statement.Add("Condition", condition);
        return statement;
    }

    private static void AddTopic(YamlMap resources, string logicalId, string name, string displayName, string emailCondition, string emailParameter)
    {
        resources.Add(logicalId, new YamlMap()
            .Add("Type", "AWS::SNS::Topic")
            .Add("Properties", new YamlMap()
                .Add("TopicName", Cfn.Sub(name))
                .Add("DisplayName", displayName)
                .Add("KmsMasterKeyId", Cfn.GetAtt("NotificationKey", "Arn"))));
        resources.Add(logicalId + "EmailSubscription", new YamlMap()
            .Add("Type", "AWS::SNS::Subscription")
            .Add("Condition", emailCondition)
            .Add("Properties", new YamlMap()
                .Add("TopicArn", Cfn.Ref(logicalId))
                .Add("Protocol", "email")
                .Add("Endpoint", Cfn.Ref(emailParameter))));
    }

    private static YamlMap TopicPolicy(string topic, params IEnumerable<YamlMap> statements)
    {
        var all = statements.Append(Cfn.Statement("TlsOnly", "Deny", new YamlMap().Add("AWS", "*"),
            Cfn.List("sns:Publish", "sns:Subscribe"), Cfn.Ref(topic),
            new YamlMap().Add("Bool", new YamlMap().Add("aws:SecureTransport", "false"))));
        return new YamlMap()
            .Add("Type", "AWS::SNS::TopicPolicy")
            .Add("Properties", new YamlMap()
                .Add("Topics", Cfn.List(Cfn.Ref(topic)))
                .Add("PolicyDocument", Cfn.PolicyDocument(all)));
    }
}
