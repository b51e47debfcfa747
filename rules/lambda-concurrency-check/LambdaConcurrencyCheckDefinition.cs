using ConfigRules.Aws;
using ConfigRules.Aws.Lambda;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaConcurrency;

/// <summary>lambda-concurrency-check as data: see README.md beside this file.</summary>
public static class LambdaConcurrencyCheckDefinition
{
    /// <summary>The inclusive limits on reserved concurrency (empty: no limit on that side) and how a value outside them is worded.</summary>
    public static NumberBound Limits { get; } = new()
    {
        Field = "reservedConcurrentExecutions",
        Label = "Reserved concurrency",
        Property = "ReservedConcurrentExecutions",
        Minimum = new("concurrencyLimitLow", ParameterKind.Integer, null, "The smallest reserved concurrency allowed. Empty: no lower limit.", Minimum: 0),
        Maximum = new("concurrencyLimitHigh", ParameterKind.Integer, null, "The largest reserved concurrency allowed. Empty: no upper limit.", Minimum: 0),
    };

    public static RuleDefinition Value { get; } = new()
    {
        Id = "lambda-concurrency-check",
        Title = "Lambda functions reserve concurrency within limits",
        Description = "Flags Lambda functions without reserved concurrency (when required) or with reserved concurrency outside the limits. Reserved concurrency keeps one function from starving the account and caps runaway scaling.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Severity = Severity.Medium,
        Packs = [RulePacks.LambdaFunctionStandards],
        Parameters =
        [
            new("requireReservedConcurrency", ParameterKind.Boolean, "true", "Require every function to have reserved concurrency."),
            .. Limits.Parameters,
        ],
        Lookups =
        [
            new RuleLookup<IFunctionConcurrencyLookup>
            {
                Describes = "the function's reserved concurrency, when the item does not carry it",
                IamActions = ["lambda:GetFunctionConcurrency"],
                Live = host => new LambdaConcurrencyLookup(LambdaClient.Create(host.Require<AwsClientContext>())),
                Offline = source => new RecordedConcurrency(source),
            },
        ],
        TemplateInputs = [Limits.TemplateInput],
        Remediation = "Set ReservedConcurrentExecutions on the function within the limits.",
    };
}
