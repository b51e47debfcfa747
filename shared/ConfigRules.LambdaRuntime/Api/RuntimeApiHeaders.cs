using System.Globalization;
using System.Net.Http.Headers;

namespace ConfigRules.LambdaRuntime.Api;

/// <summary>The Runtime API's header names, and reading an <see cref="InvocationContext"/> from them.</summary>
public static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>
    /// Builds the context of an invocation. A missing request id makes the answer unusable (nothing could be
    /// reported for it), so it throws; a missing or unreadable deadline leaves <see cref="InvocationContext.Deadline"/> null.
    /// </summary>
    public static InvocationContext ReadContext(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var requestId = Single(headers, RequestId);
        if (string.IsNullOrWhiteSpace(requestId))
            throw new RuntimeApiException($"The Runtime API answered /invocation/next without a {RequestId} header.");

        return new InvocationContext
        {
            RequestId = requestId,
            Deadline = ParseDeadline(Single(headers, DeadlineMs)),
            InvokedFunctionArn = Single(headers, InvokedFunctionArn),
            TraceId = Single(headers, TraceId),
        };
    }

    /// <summary>Milliseconds since the Unix epoch, as Lambda sends them; null when absent or not a number.</summary>
    public static DateTimeOffset? ParseDeadline(string? milliseconds) =>
        long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? DateTimeOffset.FromUnixTimeMilliseconds(value)
            : null;

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
