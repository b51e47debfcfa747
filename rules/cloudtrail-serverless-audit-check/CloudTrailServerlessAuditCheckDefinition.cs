using ConfigRules.Aws;
using ConfigRules.Aws.CloudTrail;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.CloudTrailServerlessAudit;

/// <summary>cloudtrail-serverless-audit-check as data: see README.md beside this file.</summary>
public static class CloudTrailServerlessAuditCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "cloudtrail-serverless-audit-check",
        Title = "CloudTrail records the account's serverless activity",
        Description = "Flags an account in which no logging, multi-region CloudTrail trail records Lambda Invoke data events (and, as required, S3 object data events), both Insights types and validates its log files. Without them an invocation storm, a stolen key or a tampered log goes unseen.",
        ResourceTypes = [AccountItem.ResourceType],
        Triggers = RuleTriggers.Periodic,
        Severity = Severity.High,
        Packs = [RulePacks.ServerlessSecurity],
        Parameters =
        [
            new("requireLambdaDataEvents", ParameterKind.Boolean, "true", "Require a trail to record Lambda Invoke data events for every function."),
            new("requireS3DataEvents", ParameterKind.Boolean, "false", "Require a trail to record S3 object data events (reads and writes) for every bucket."),
            new("requireInsights", ParameterKind.Boolean, "true", "Require a trail to record both Insights types (ApiCallRateInsight and ApiErrorRateInsight)."),
            new("requireLogFileValidation", ParameterKind.Boolean, "true", "Require a trail to validate its log files (digest files)."),
        ],
        Lookups =
        [
            new RuleLookup<ITrailLookup>
            {
                Describes = "the trails that record the account in the region: status, event selectors and Insights",
                IamActions = ["cloudtrail:DescribeTrails", "cloudtrail:GetEventSelectors", "cloudtrail:GetInsightSelectors", "cloudtrail:GetTrailStatus"],
                RelatedResourceTypes = [TrailIndex.TrailResourceType],
                Live = host => new CloudTrailTrailLookup(CloudTrailClient.Create(host.Require<AwsClientContext>())),
                Offline = source => new TrailIndex(source),
            },
        ],
        // Before deployment there is no account to judge, but a template's trail can be judged on its own properties.
        TemplateResourceTypes = [TrailIndex.TrailResourceType],
        TemplateInputs = [new("isLogging", "IsLogging")],
        Remediation = "Create or update a multi-region trail: start logging, add Lambda (and S3) data event selectors, enable both Insights types and log file validation.",
    };
}
