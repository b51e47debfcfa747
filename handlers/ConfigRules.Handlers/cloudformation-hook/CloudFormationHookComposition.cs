using ConfigRules.Aws;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Rules;
using ConfigRules.Hosting;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>
/// Builds the hook at init: the rules of <c>CONFIGRULES_RULES</c> (an unknown rule or invalid parameter is an init
/// error), their declared live lookups over the function's AWS context, the exemptions, and the payload reader.
/// </summary>
public static class CloudFormationHookComposition
{
    /// <summary>The payload must come back well within the hook's 30 seconds.</summary>
    public static readonly TimeSpan PayloadTimeout = TimeSpan.FromSeconds(10);

    /// <param name="remoteExemptions">Reads <c>CONFIGRULES_EXEMPTIONS_URI</c>; without it a configured URI is an init error.</param>
    public static CloudFormationHookHandler Create(
        HandlerInitContext init, IReadOnlyList<IConfigRule> catalog, Func<ExemptionsUri, IExemptionSource>? remoteExemptions = null)
    {
        ArgumentNullException.ThrowIfNull(init);
        var rules = HookRuleSet.FromEnvironment(init.Environment.GetVariable, catalog);
        var aws = AwsClientContext.FromEnvironment(new RuntimeEnvironmentVariables(init.Environment), timeProvider: init.Time);
        var live = RuleLookups.Live(rules.Definitions, new LookupInfrastructure(init.Time).With(aws));
        var exemptions = Exemptions(init, remoteExemptions);
        var http = new HttpClient { Timeout = PayloadTimeout };
        init.Logger.Info("Hook ready",
            LogField.Of("rules", string.Join(",", rules.Rules.Select(rule => rule.Definition.Id))),
            LogField.Of("region", aws.Region),
            LogField.Of("exemptions", ExemptionsUri.FromEnvironment(init.Environment.GetVariable)?.ToString()));
        return new CloudFormationHookHandler(rules, exemptions, new HttpPayloadFetcher(http), live, init.Time, init.Logger);
    }

    private static IExemptionSource Exemptions(HandlerInitContext init, Func<ExemptionsUri, IExemptionSource>? remoteExemptions)
    {
        var uri = ExemptionsUri.FromEnvironment(init.Environment.GetVariable);
        if (uri is null) return FixedExemptions.None;
        return remoteExemptions?.Invoke(uri)
            ?? throw new HandlerConfigurationException(
                $"{ExemptionsUri.Variable} is set to {uri}, but this bootstrap has no exemptions reader for the hook: unset it or use a build that reads it.");
    }
}
