using ConfigRules.Aws;
using ConfigRules.Aws.Iam;
using ConfigRules.Aws.Lambda;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaConcurrency;
using ConfigRules.Rules.LambdaExecutionRole;

namespace ConfigRules.Lambda.Lookups;

/// <summary>Registers the AWS-backed lookups the rules need in a host's <see cref="RuleServices"/>.</summary>
public static class RuleLookups
{
    /// <summary>
    /// Adds <see cref="IFunctionConcurrencyLookup"/> (Lambda) and <see cref="IExecutionRoleLookup"/> (IAM) built on
    /// <paramref name="aws"/>. Creating them makes no AWS call; only the rules that need them call AWS.
    /// </summary>
    public static RuleServices AddAwsLookups(this RuleServices services, AwsClientContext aws, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(aws);
        return services
            .Add<IFunctionConcurrencyLookup>(new LambdaConcurrencyLookup(LambdaClient.Create(aws)))
            .Add<IExecutionRoleLookup>(new IamExecutionRoleLookup(IamClient.Create(aws), time));
    }
}
