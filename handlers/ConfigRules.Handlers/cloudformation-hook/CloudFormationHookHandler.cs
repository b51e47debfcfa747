using System.Text.Json;
using ConfigRules.CloudFormation;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Rules;
using ConfigRules.Hosting.Metrics;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>
/// cloudformation-hook (contract 2.4): the same rules at the deployment gate. Resource operations are judged with
/// the lookups a rule function makes (live: a role ARN is read from IAM); STACK and CHANGE_SET targets with the
/// template's own related items, as <c>check-template</c> judges them. Always answers: input it cannot read is
/// FAILED/InternalFailure, never an invocation error.
/// </summary>
public sealed class CloudFormationHookHandler(
    HookRuleSet rules, IExemptionSource exemptions, IPayloadFetcher payloads, HookLookups liveLookups, TimeProvider time, RuntimeLogger logger)
{
    public const string HandlerName = "cloudformation-hook";

    private readonly HookJudge _judge = new(rules, time);

    /// <summary>
    /// One invocation as the runtime makes it: the answer as JSON, and its decision written as a metric line on
    /// <paramref name="metrics"/> (by hookStatus, with the annotations it carries and whether it could not judge).
    /// </summary>
    public async Task<byte[]> HandleJsonAsync(ReadOnlyMemory<byte> payload, MetricLines metrics, CancellationToken cancellationToken, string? invokedFunctionArn = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var started = time.GetTimestamp();
        var response = await HandleAsync(payload, cancellationToken, invokedFunctionArn).ConfigureAwait(false);
        metrics.HookDecided(response.HookStatus, response.Annotations.Count, response.Annotations.Count(a => a.Status == HookAnnotation.FailedStatus),
            response.ErrorCode == HookResponse.InternalFailure, time.GetElapsedTime(started));
        return JsonSerializer.SerializeToUtf8Bytes(response, HookJsonContext.Default.HookResponse);
    }

    /// <param name="invokedFunctionArn">The function's own ARN: a request from another account (the organization
    /// roll-out) reads that account's resources (see <see cref="HookLookups"/>).</param>
    public async Task<HookResponse> HandleAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken, string? invokedFunctionArn = null)
    {
        HookRequest? request = null;
        try
        {
            request = Parse(payload);
            var response = await JudgeAsync(request, invokedFunctionArn, cancellationToken).ConfigureAwait(false);
            logger.Info("Hook answered",
                LogField.Of("hookStatus", response.HookStatus),
                LogField.Of("errorCode", response.ErrorCode),
                LogField.Of("targetType", request.RequestData?.TargetType),
                LogField.Of("annotations", response.Annotations.Count));
            return response;
        }
        catch (Exception ex) when (ex is HookInputException or TemplateException or InvalidExemptionsException)
        {
            logger.Info("Hook request not judged", LogField.Of("problem", ex.Message));
            return HookAnswer.InternalFailure(ex.Message, request?.ClientRequestToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A rule or lookup failing is not the developer's fault, but CloudFormation still needs an answer.
            logger.Error("Hook failed", ex);
            return HookAnswer.InternalFailure($"{ex.GetType().Name}: {ex.Message}", request?.ClientRequestToken);
        }
    }

    private static HookRequest Parse(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload.Span, HookJsonContext.Default.HookRequest)
                ?? throw new HookInputException("The hook request is JSON null, not the Lambda hook request object.");
        }
        catch (JsonException ex)
        {
            throw new HookInputException($"The hook request is not the Lambda hook request JSON: {ex.Message}", ex);
        }
    }

    private async Task<HookResponse> JudgeAsync(HookRequest request, string? invokedFunctionArn, CancellationToken cancellationToken)
    {
        var token = request.ClientRequestToken;
        switch (request.ActionInvocationPoint?.ToUpperInvariant())
        {
            case "DELETE_PRE_PROVISION":
                return HookAnswer.Skipped("deletions are not judged.", token);
            case "CREATE_PRE_PROVISION" or "UPDATE_PRE_PROVISION":
                break;
            default:
                throw new HookInputException(
                    $"actionInvocationPoint '{request.ActionInvocationPoint}' is not CREATE_PRE_PROVISION, UPDATE_PRE_PROVISION or DELETE_PRE_PROVISION.");
        }
        var data = request.RequestData ?? throw new HookInputException("The hook request has no requestData.");
        var targetType = data.TargetType ?? throw new HookInputException("requestData has no targetType (a resource type, RESOURCE, STACK or CHANGE_SET).");

        IReadOnlyList<TemplateItem> items;
        RuleServices services;
        if (targetType.Equals("STACK", StringComparison.OrdinalIgnoreCase))
        {
            var stack = await FetchAsync(data, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(stack.Template)) return HookAnswer.Skipped("the template is empty (a deletion): nothing to judge.", token);
            items = HookTargetReader.ReadStack(stack.Template);
            services = _judge.OfflineServices(items);
        }
        else if (targetType.Equals("CHANGE_SET", StringComparison.OrdinalIgnoreCase))
        {
            var changeSet = await FetchAsync(data, cancellationToken).ConfigureAwait(false);
            items = HookTargetReader.ReadChangeSet(changeSet.Template, changeSet.ChangedResources, rules.Covers);
            services = _judge.OfflineServices(items);
        }
        else
        {
            // A stack's resource operation names the type in targetType; a Cloud Control request says RESOURCE.
            var resourceType = targetType.Equals("RESOURCE", StringComparison.OrdinalIgnoreCase) ? data.TargetName : targetType;
            if (string.IsNullOrWhiteSpace(resourceType)) throw new HookInputException("A RESOURCE target has no targetName (the resource type).");
            if (!rules.Covers(resourceType)) return HookAnswer.Skipped($"no selected rule judges {resourceType}.", token);
            items = HookTargetReader.ReadResource(resourceType, data.TargetLogicalId ?? resourceType, data.TargetModel?.ResourceProperties ?? default);
            services = liveLookups.For(request.AwsAccountId, invokedFunctionArn);
        }

        if (items.Count == 0) return HookAnswer.Skipped("no resource of this request is one the selected rules judge.", token);
        var document = await exemptions.GetAsync(cancellationToken).ConfigureAwait(false);
        var findings = await _judge.JudgeAsync(items, services, document, request.AwsAccountId, cancellationToken).ConfigureAwait(false);
        return HookAnswer.From(findings, token);
    }

    private Task<HookPayload> FetchAsync(HookRequestData data, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(data.Payload)
            ? throw new HookInputException($"A {data.TargetType} target has no payload URL.")
            : payloads.FetchAsync(data.Payload, cancellationToken);
}
