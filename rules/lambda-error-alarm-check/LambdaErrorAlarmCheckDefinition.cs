using ConfigRules.Aws;
using ConfigRules.Aws.CloudWatch;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaErrorAlarm;

/// <summary>lambda-error-alarm-check as data: see README.md beside this file.</summary>
public static class LambdaErrorAlarmCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "lambda-error-alarm-check",
        Title = "Lambda function errors raise an alarm",
        Description = "Flags Lambda functions that no CloudWatch metric alarm watches for errors (the AWS/Lambda Errors metric of the function, directly or as an error rate in metric math) with an action to notify someone. Failures nobody hears of go on failing.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.Medium,
        Packs = [RulePacks.ServerlessSecurity],
        Parameters =
        [
            new("requireAlarmAction", ParameterKind.Boolean, "true", "Require the alarm to have its actions enabled and at least one alarm action."),
            new("maxThreshold", ParameterKind.String, null,
                "The highest threshold the alarm may have (a number, for example 1 error or 0.05 as an error rate). Empty: any threshold."),
        ],
        Lookups =
        [
            new RuleLookup<IErrorAlarmLookup>
            {
                Describes = "the region's CloudWatch metric alarms, listed once per run",
                IamActions = ["cloudwatch:DescribeAlarms"],
                RelatedResourceTypes = [AlarmIndex.AlarmResourceType],
                Live = host => new CloudWatchErrorAlarmLookup(CloudWatchClient.Create(host.Require<AwsClientContext>())),
                Offline = source => new AlarmIndex(source),
            },
        ],
        TemplateInputs = [new("functionName", "FunctionName")],
        Remediation = "Create a CloudWatch alarm on the function's AWS/Lambda Errors metric (or its error rate) with an alarm action such as an SNS topic.",
    };
}
