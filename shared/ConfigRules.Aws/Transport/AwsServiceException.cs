using System.Net;
using ConfigRules.Framework.Events;

namespace ConfigRules.Aws.Transport;

/// <summary>
/// An AWS call that failed for good: a non-retryable error, or a retryable one that lasted past the retries
/// or the deadline. <see cref="ConfigRulesException.ErrorType"/> is the AWS error code
/// ("ResourceNotFoundException", "ThrottlingException"), so the Lambda invocation fails with it.
/// The message names the service, operation, status and AWS message; never credentials or signatures.
/// </summary>
public class AwsServiceException : ConfigRulesException
{
    public AwsServiceException(string service, string operation, HttpStatusCode? statusCode, string errorCode, string? awsMessage,
        string? requestId, int attempts, string? detail = null, Exception? inner = null)
        : base(errorCode, Format(service, operation, statusCode, errorCode, awsMessage, requestId, attempts, detail), inner)
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        AwsMessage = awsMessage;
        RequestId = requestId;
        Attempts = attempts;
    }

    public string Service { get; }
    public string Operation { get; }

    /// <summary>The HTTP status, or null when no response arrived (connection fault, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string ErrorCode { get; }
    public string? AwsMessage { get; }
    public string? RequestId { get; }
    public int Attempts { get; }

    private static string Format(string service, string operation, HttpStatusCode? status, string code, string? message,
        string? requestId, int attempts, string? detail)
    {
        var statusText = status is null ? "no response" : $"HTTP {(int)status.Value}";
        var text = $"{service} {operation} failed ({statusText}, {code})";
        if (!string.IsNullOrWhiteSpace(message)) text += ": " + message.Trim();
        if (attempts > 1) text += $" [after {attempts} attempts]";
        if (detail is not null) text += " " + detail;
        if (requestId is not null) text += $" (request id {requestId})";
        return text;
    }
}

/// <summary>The resource the call named does not exist (API Gateway and Lambda NotFound / ResourceNotFound).</summary>
public sealed class AwsResourceNotFoundException(
    string service, string operation, HttpStatusCode? statusCode, string errorCode, string? awsMessage, string? requestId, int attempts)
    : AwsServiceException(service, operation, statusCode, errorCode, awsMessage, requestId, attempts);
