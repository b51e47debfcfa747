using System.Text.Json;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;

namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>
/// An EventBridge "AWS API Call via CloudTrail" event from aws.apigateway, reduced to what the fast path needs:
/// which management call it was, on which API, and whether it succeeded.
/// </summary>
public sealed record ApiGatewayCallEvent(string EventName, string? RestApiId, string? ErrorCode)
{
    public const string DetailType = "AWS API Call via CloudTrail";
    public const string Source = "aws.apigateway";

    /// <summary>The calls that create a REST API or may change its endpoint type.</summary>
    public static readonly IReadOnlyList<string> EndpointChangingCalls = ["CreateRestApi", "UpdateRestApi", "ImportRestApi", "PutRestApi"];

    public bool MayChangeEndpoint => ErrorCode is null && EndpointChangingCalls.Contains(EventName, StringComparer.Ordinal);

    public static ApiGatewayCallEvent Parse(JsonElement envelope)
    {
        var source = envelope.GetStringOrNull("source");
        if (!string.Equals(source, Source, StringComparison.Ordinal))
            throw new InvalidEventException(
                $"The CloudTrail event's source is {(source is null ? "missing" : $"'{source}'")}: expected '{Source}' (an EventBridge rule on API Gateway management calls).");
        if (!envelope.TryGetProperty("detail", out JsonElement detail) || detail.ValueKind != JsonValueKind.Object)
            throw new InvalidEventException("The CloudTrail event has no detail object: expected the recorded API call in detail.");
        var eventName = detail.GetStringOrNull("eventName");
        if (string.IsNullOrWhiteSpace(eventName))
            throw new InvalidEventException("detail.eventName is missing: expected the API Gateway call's name (CreateRestApi, UpdateRestApi, ImportRestApi, PutRestApi).");

        // Update and Put name the API in the request; Create and Import learn it from the response.
        var restApiId = detail.TryGetPath("requestParameters.restApiId", out var fromRequest) && fromRequest.ValueKind == JsonValueKind.String
            ? fromRequest.GetString()
            : detail.TryGetPath("responseElements.id", out var fromResponse) && fromResponse.ValueKind == JsonValueKind.String
                ? fromResponse.GetString()
                : null;
        return new ApiGatewayCallEvent(eventName, restApiId, detail.GetStringOrNull("errorCode"));
    }
}
