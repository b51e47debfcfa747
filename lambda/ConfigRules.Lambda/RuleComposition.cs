using ConfigRules.Aws;
using ConfigRules.Aws.Config;
using ConfigRules.Framework.Rules;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.Lambda;

/// <summary>
/// What a rule handler works with in Lambda: AWS Config over signed awsJson1_1 calls (credentials, region and
/// endpoints from the function's environment) and the AWS-backed lookups some rules need.
/// </summary>
internal static partial class RuleComposition
{
    /// <summary>Runs once, at init, for the selected rule handler; the AWS context lives as long as the process.</summary>
    public static RuleDependencies Create(HandlerInitContext context)
    {
        var aws = AwsClientContext.FromEnvironment();
        var services = new RuleServices();
        AddLookups(services, aws);
        context.Logger.Info("AWS clients ready",
            LogField.Of("region", aws.Region),
            LogField.Of("configEndpoint", aws.EndpointFor(Aws.Endpoints.AwsService.Config).BaseUri.ToString()));
        return new RuleDependencies(ConfigServiceClient.Create(aws), services);
    }

    /// <summary>
    /// Where the AWS-backed lookups (Lookups/: Lambda GetFunctionConcurrency, IAM GetRole and
    /// ListAttachedRolePolicies) register themselves into <paramref name="services"/>.
    /// </summary>
    static partial void AddLookups(RuleServices services, AwsClientContext aws);
}
