using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.ApiGatewayEndpointType;

/// <summary>api-gateway-endpoint-type-check as data: see README.md beside this file.</summary>
public static class ApiGatewayEndpointTypeCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "api-gateway-endpoint-type-check",
        Title = "API Gateway REST APIs use allowed endpoint types",
        Description = "Flags REST APIs with an endpoint type that is not allowed (by default anything but PRIVATE). A Regional or edge-optimized endpoint exposes the API to the internet.",
        ResourceTypes = ["AWS::ApiGateway::RestApi"],
        Severity = Severity.High,
        Packs = [RulePacks.ApiGatewayPrivateEndpoints],
        Parameters =
        [
            new("allowedEndpointTypes", ParameterKind.StringList, "PRIVATE",
                "Endpoint types REST APIs may use: any of PRIVATE, REGIONAL, EDGE."),
        ],
        TemplateInputs = [new("endpointConfiguration.types", "EndpointConfiguration.Types")],
        Remediation = "Set the API's endpoint configuration to PRIVATE (the pack's remediation does this automatically) and attach VPC endpoints.",
    };
}
