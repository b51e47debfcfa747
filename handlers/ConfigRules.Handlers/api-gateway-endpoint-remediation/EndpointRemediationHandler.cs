using System.Text.Json;
using ConfigRules.Framework.Events;
using ConfigRules.Handlers.Json;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>
/// The api-gateway-endpoint-remediation handler. Two inputs: the SSM Automation payload
/// (<see cref="RemediationRequest"/>), which makes one REST API private; and the EventBridge CloudTrail event of
/// an API Gateway management call, which asks Config to re-evaluate the endpoint rule at once (the fast path).
/// </summary>
public sealed class EndpointRemediationHandler(IRestApiEndpointApi apiGateway, EndpointRuleFastPath fastPath)
{
    public const string HandlerName = "api-gateway-endpoint-remediation";

    /// <summary>The handler configured from the function's environment (<see cref="EndpointRuleFastPath.RuleIdVariable"/>).</summary>
    public static EndpointRemediationHandler FromEnvironment(
        IEnvironmentVariables environment, IRestApiEndpointApi apiGateway, IConfigRulesApi config)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new(apiGateway, EndpointRuleFastPath.Create(environment.Get(EndpointRuleFastPath.RuleIdVariable), config, CatalogRuleMatcher.Default));
    }

    /// <summary>The invocation: dispatches on the payload's shape and returns the response body.</summary>
    public async Task<byte[]> HandleJsonAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        (await HandleAsync(payload, cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>The invocation, with what it did (for its metric line) next to the response body.</summary>
    public async Task<RemediationInvocation> HandleAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        using var document = ParseObject(payload);
        var root = document.RootElement;
        if (root.TryGetProperty("detail-type", out var detailType))
        {
            var name = detailType.ValueKind == JsonValueKind.String ? detailType.GetString() : null;
            if (!string.Equals(name, ApiGatewayCallEvent.DetailType, StringComparison.Ordinal))
                throw new InvalidEventException(
                    $"The EventBridge event's detail-type is {(name is null ? "not a string" : $"'{name}'")}: expected '{ApiGatewayCallEvent.DetailType}' from {ApiGatewayCallEvent.Source}.");
            var result = await ReEvaluateAsync(ApiGatewayCallEvent.Parse(root), cancellationToken);
            return new RemediationInvocation(JsonSerializer.SerializeToUtf8Bytes(result, HandlersJsonContext.Default.FastPathResult),
                Remediated: false, ReEvaluationStarted: result.Outcome == FastPathResult.EvaluationStarted);
        }
        var remediation = await RemediateAsync(RemediationRequestParser.Parse(root), cancellationToken);
        return new RemediationInvocation(JsonSerializer.SerializeToUtf8Bytes(remediation, HandlersJsonContext.Default.RemediationResult),
            Remediated: remediation.Outcome == RemediationResult.MadePrivate, ReEvaluationStarted: false);
    }

    public async Task<RemediationResult> RemediateAsync(RemediationRequest request, CancellationToken cancellationToken)
    {
        var api = await apiGateway.GetRestApiAsync(request.RestApiId, cancellationToken)
                  ?? throw new RestApiNotFoundException(request.RestApiId);
        var plan = EndpointRemediationPlanner.Plan(api, request.VpcEndpointIds);
        var after = plan.Operations.Count == 0
            ? api
            : await apiGateway.UpdateRestApiAsync(api.Id, plan.Operations, cancellationToken);

        return new RemediationResult
        {
            RestApiId = api.Id,
            Name = api.Name,
            Outcome = plan.AlreadyPrivate ? RemediationResult.AlreadyPrivate : RemediationResult.MadePrivate,
            PreviousEndpointTypes = api.EndpointTypes,
            EndpointTypes = after.EndpointTypes,
            VpcEndpointIds = after.VpcEndpointIds,
            VpcEndpointIdsAdded = plan.VpcEndpointIdsAdded,
            ResourcePolicy = plan.ResourcePolicy,
            PatchOperations = [.. plan.Operations.Select(o => new PatchOperationSummary(o.Op, o.Path, o.Value))],
            Message = plan.Message,
        };
    }

    public Task<FastPathResult> ReEvaluateAsync(ApiGatewayCallEvent call, CancellationToken cancellationToken) =>
        fastPath.ReEvaluateAsync(call, cancellationToken);

    private static JsonDocument ParseObject(ReadOnlyMemory<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw new InvalidEventException($"The payload is not valid JSON ({e.Message}): expected {{\"RestApiId\": \"...\", \"VpcEndpointIds\": [...]}} or an EventBridge CloudTrail event.", e);
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        document.Dispose();
        throw new InvalidEventException("The payload is not a JSON object: expected {\"RestApiId\": \"...\", \"VpcEndpointIds\": [...]} or an EventBridge CloudTrail event.");
    }
}

/// <summary>One invocation's response body and what it changed.</summary>
public sealed record RemediationInvocation(byte[] Body, bool Remediated, bool ReEvaluationStarted);
