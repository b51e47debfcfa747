namespace ConfigRules.Rules;

/// <summary>
/// The conformance packs a rule of this package can declare in <see cref="Framework.Rules.RuleDefinition.Packs"/>
/// (each is conformance-packs/&lt;name&gt;.yaml). serverless-governance and the organization pack hold every rule
/// and are not declared.
/// </summary>
public static class RulePacks
{
    /// <summary>The settings of Lambda functions: runtimes, handlers, package size, memory, timeout, concurrency, roles.</summary>
    public const string LambdaFunctionStandards = "lambda-function-standards";

    /// <summary>REST APIs stay private, with automatic remediation.</summary>
    public const string ApiGatewayPrivateEndpoints = "api-gateway-private-endpoints";

    /// <summary>WAF and logging of API stages, public access to functions, error alarms, CloudTrail.</summary>
    public const string ServerlessSecurity = "serverless-security";

    public static IReadOnlyList<string> All { get; } = [LambdaFunctionStandards, ApiGatewayPrivateEndpoints, ServerlessSecurity];
}
