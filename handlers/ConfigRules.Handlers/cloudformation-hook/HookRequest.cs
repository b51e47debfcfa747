using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>
/// The Lambda hook request CloudFormation sends (contract 2.4). Names are matched case-insensitively by
/// <see cref="HookJsonContext"/>: AWS's own documents spell them in more than one case.
/// </summary>
public sealed record HookRequest
{
    public string? ClientRequestToken { get; init; }
    public string? AwsAccountId { get; init; }
    public string? StackId { get; init; }
    public string? ChangeSetId { get; init; }
    public string? HookTypeName { get; init; }
    /// <summary><c>CREATE_PRE_PROVISION</c>, <c>UPDATE_PRE_PROVISION</c> or <c>DELETE_PRE_PROVISION</c>.</summary>
    public string? ActionInvocationPoint { get; init; }
    public HookRequestData? RequestData { get; init; }
}

public sealed record HookRequestData
{
    /// <summary>The resource type for a resource operation (<c>RESOURCE</c> targets too); the stack name otherwise.</summary>
    public string? TargetName { get; init; }
    /// <summary>A resource type, <c>RESOURCE</c>, <c>STACK</c> or <c>CHANGE_SET</c>.</summary>
    public string? TargetType { get; init; }
    public string? TargetLogicalId { get; init; }
    public HookTargetModel? TargetModel { get; init; }
    /// <summary>STACK and CHANGE_SET: a presigned URL that returns <see cref="HookPayload"/>.</summary>
    public string? Payload { get; init; }
}

public sealed record HookTargetModel
{
    public JsonElement ResourceProperties { get; init; }
    public JsonElement PreviousResourceProperties { get; init; }
}

/// <summary>What the presigned <c>payload</c> URL returns for STACK and CHANGE_SET targets.</summary>
public sealed record HookPayload
{
    public string? Template { get; init; }
    public string? PreviousTemplate { get; init; }
    public IReadOnlyList<ChangedResource>? ChangedResources { get; init; }
}

/// <summary>One resource of a change set; <see cref="AfterContext"/> is a JSON string <c>{"Properties": {...}}</c>.</summary>
public sealed record ChangedResource
{
    public string? Action { get; init; }
    public string? BeforeContext { get; init; }
    public string? AfterContext { get; init; }
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? LineNumber { get; init; }
    public string? LogicalResourceId { get; init; }
    public string? ResourceType { get; init; }
}

/// <summary>The hook's answer: the invocation's JSON response, never an invocation error.</summary>
public sealed record HookResponse
{
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
    public const string NonCompliant = "NonCompliant";
    public const string InternalFailure = "InternalFailure";

    public required string HookStatus { get; init; }
    public string? ErrorCode { get; init; }
    public required string Message { get; init; }
    public string? ClientRequestToken { get; init; }
    public IReadOnlyList<HookAnnotation> Annotations { get; init; } = [];
}

/// <summary>One rule's judgement of one resource, as the CloudFormation console lists it.</summary>
public sealed record HookAnnotation
{
    public const string PassedStatus = "PASSED";
    public const string FailedStatus = "FAILED";
    public const string SkippedStatus = "SKIPPED";

    public required string AnnotationName { get; init; }
    /// <summary><c>PASSED</c>, <c>FAILED</c>, or <c>SKIPPED</c> (NOT_APPLICABLE and exemptions).</summary>
    public required string Status { get; init; }
    public string? StatusMessage { get; init; }
    public string? RemediationMessage { get; init; }
    /// <summary><c>LOW</c>, <c>MEDIUM</c> or <c>HIGH</c>.</summary>
    public required string SeverityLevel { get; init; }
}

/// <summary>Source-generated serialization of the hook's request, payload, response and rule selection.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HookRequest))]
[JsonSerializable(typeof(HookPayload))]
[JsonSerializable(typeof(HookResponse))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
public sealed partial class HookJsonContext : JsonSerializerContext;
