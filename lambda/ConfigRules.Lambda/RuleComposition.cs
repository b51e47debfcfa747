using ConfigRules.Aws;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Framework.Rules;
using ConfigRules.Lambda.Lookups;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.Lambda;

/// <summary>
/// What a rule handler works with in Lambda: AWS Config over signed awsJson1_1 calls (credentials, region and
/// endpoints from the function's environment) and the AWS-backed lookups some rules need (Lambda
/// GetFunctionConcurrency, IAM GetRole and ListAttachedRolePolicies). Creating them makes no AWS call. With
/// <see cref="MemberAccountAccess.RoleNameVariable"/> set, events of other accounts get the same clients over
/// that account's member role.
/// </summary>
internal static class RuleComposition
{
    /// <summary>Runs once, at init, for the selected rule handler; the AWS context lives as long as the process.</summary>
    public static RuleDependencies Create(HandlerInitContext context)
    {
        var aws = AwsClientContext.FromEnvironment(timeProvider: context.Time);
        var services = new RuleServices().AddAwsLookups(aws, context.Time);
        var members = MemberAccountAccess.FromEnvironment(context, aws);
        context.Logger.Info("AWS clients ready",
            LogField.Of("region", aws.Region),
            LogField.Of("configEndpoint", aws.EndpointFor(AwsService.Config).BaseUri.ToString()),
            LogField.Of("memberRoleName", members?.RoleName));
        return new RuleDependencies(ConfigServiceClient.Create(aws), services) { MemberAccounts = members };
    }
}
