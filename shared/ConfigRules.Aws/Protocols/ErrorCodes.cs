using System.Net;
using System.Text.Json;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Protocols;

/// <summary>Shared pieces of error parsing: cleaning an error code and reading a JSON error body.</summary>
internal static class ErrorCodes
{
    /// <summary>
    /// "com.amazonaws.starling#ResourceNotDiscoveredException" and
    /// "NotFoundException:http://internal.amazon.com/coral/..." both become the bare code.
    /// </summary>
    public static string? Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var code = raw.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) code = code[..colon];
        var hash = code.LastIndexOf('#');
        if (hash >= 0) code = code[(hash + 1)..];
        return code.Length == 0 ? null : code;
    }

    /// <summary>The code when the response names none: derived from the status, so it is still stable.</summary>
    public static string FromStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "TooManyRequestsException",
        HttpStatusCode.InternalServerError => "InternalServerError",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        HttpStatusCode.NotFound => "NotFoundException",
        HttpStatusCode.Forbidden => "AccessDeniedException",
        _ => $"Http{(int)status}Error",
    };

    /// <summary>Reads (type, message) from a JSON error body; nulls when the body is empty or not JSON.</summary>
    public static (string? Type, string? Message) ReadJsonBody(byte[] body)
    {
        if (body.Length == 0) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, null);
            string? type = null, message = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String) continue;
                switch (property.Name)
                {
                    case "__type": type = property.Value.GetString(); break;
                    case "code" or "Code" when type is null: type = property.Value.GetString(); break;
                    case "message" or "Message" or "errorMessage": message = property.Value.GetString(); break;
                }
            }
            return (type, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    public static string? BodySnippet(byte[] body) =>
        body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
}

/// <summary>awsJson1_1 errors: <c>__type</c> in the body (namespace prefix before '#' dropped), else x-amzn-ErrorType.</summary>
public sealed class AwsJsonErrorParser : IAwsErrorParser
{
    public static AwsJsonErrorParser Instance { get; } = new();

    public AwsErrorInfo Parse(AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (type, message) = ErrorCodes.ReadJsonBody(response.Body);
        var code = ErrorCodes.Clean(type) ?? ErrorCodes.Clean(response.Header("x-amzn-ErrorType")) ?? ErrorCodes.FromStatus(response.StatusCode);
        return new AwsErrorInfo(code, message ?? ErrorCodes.BodySnippet(response.Body), response.RequestIdHeader);
    }
}

/// <summary>restJson1 errors: the x-amzn-ErrorType header, else the body's <c>__type</c>/<c>code</c>; message from <c>message</c>/<c>Message</c>.</summary>
public sealed class RestJsonErrorParser : IAwsErrorParser
{
    public static RestJsonErrorParser Instance { get; } = new();

    public AwsErrorInfo Parse(AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (type, message) = ErrorCodes.ReadJsonBody(response.Body);
        var code = ErrorCodes.Clean(response.Header("x-amzn-ErrorType")) ?? ErrorCodes.Clean(type) ?? ErrorCodes.FromStatus(response.StatusCode);
        return new AwsErrorInfo(code, message ?? ErrorCodes.BodySnippet(response.Body), response.RequestIdHeader);
    }
}
