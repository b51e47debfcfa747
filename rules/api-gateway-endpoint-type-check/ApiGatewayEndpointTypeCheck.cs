using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;
using ConfigRules.Framework.Text;

namespace ConfigRules.Rules.ApiGatewayEndpointType;

/// <summary>api-gateway-endpoint-type-check's parameters: the endpoint types REST APIs may use.</summary>
public sealed record ApiGatewayEndpointTypeCheckParameters(IReadOnlyList<string> AllowedEndpointTypes);

/// <summary>
/// Flags REST APIs with any <c>endpointConfiguration.types</c> entry that is not allowed. An API with no
/// endpoint configuration at all is edge-optimized (API Gateway's default), and is judged as EDGE.
/// </summary>
public sealed class ApiGatewayEndpointTypeCheck : ConfigRule<ApiGatewayEndpointTypeCheckParameters>
{
    /// <summary>API Gateway's endpoint types, as its API spells them (case-sensitive).</summary>
    public static readonly IReadOnlyList<string> KnownEndpointTypes = ["PRIVATE", "REGIONAL", "EDGE"];

    private const string DefaultEndpointType = "EDGE";

    public override RuleDefinition Definition => ApiGatewayEndpointTypeCheckDefinition.Value;

    protected override ApiGatewayEndpointTypeCheckParameters ReadParameters(ParameterReader reader)
    {
        var allowed = reader.GetList("allowedEndpointTypes").Distinct(StringComparer.Ordinal).ToArray();
        var unknown = allowed.Where(type => !KnownEndpointTypes.Contains(type, StringComparer.Ordinal)).ToArray();
        if (unknown.Length > 0)
        {
            reader.AddProblem(
                $"parameter 'allowedEndpointTypes' has {(unknown.Length == 1 ? "an entry that is" : $"{unknown.Length} entries that are")} not an endpoint type: " +
                $"{TextShortening.QuotedList(unknown, 40)}; " +
                $"expected a comma-separated list of {string.Join(", ", KnownEndpointTypes)} (uppercase).");
        }
        return new ApiGatewayEndpointTypeCheckParameters(allowed);
    }

    protected override ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, ApiGatewayEndpointTypeCheckParameters parameters, RuleContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Judge(item, parameters));

    private static Verdict Judge(ConfigurationItem item, ApiGatewayEndpointTypeCheckParameters parameters)
    {
        var configuration = item.Configuration;
        var name = configuration.GetStringOrNull("name") ?? item.ResourceName ?? item.ResourceId;
        IReadOnlyList<string> types;
        var defaulted = false;
        if (!JsonValues.TryGetNonNullProperty(configuration, "endpointConfiguration", out var endpoint))
        {
            types = [DefaultEndpointType];
            defaulted = true;
        }
        else if (!JsonValues.TryGetNonNullProperty(endpoint, "types", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            return Verdict.NotApplicable("The configuration records no endpointConfiguration.types list, so there is nothing to judge.");
        }
        else
        {
            types = endpoint.GetStringArray("types");
            if (types.Count != array.GetArrayLength())
                return Verdict.NotApplicable("endpointConfiguration.types holds values that are not text, so there is nothing to judge.");
        }

        var allowed = string.Join(", ", parameters.AllowedEndpointTypes);
        var rejected = types.Where(type => !parameters.AllowedEndpointTypes.Contains(type, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        if (rejected.Length == 0)
            return Verdict.Compliant($"REST API {name} uses endpoint type {string.Join(", ", types)}, which is allowed.");

        var found = string.Join(", ", rejected);
        return Verdict.NonCompliant(
            $"REST API {name} uses endpoint type {found}{(defaulted ? " (the default when none is set)" : "")}, which is not allowed (allowed: {allowed}); " +
            $"set EndpointConfiguration.Types to {allowed} or add {found} to api-gateway-endpoint-type-check's allowedEndpointTypes.");
    }
}
