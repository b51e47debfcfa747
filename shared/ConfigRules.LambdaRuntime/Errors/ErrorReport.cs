using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigRules.LambdaRuntime.Errors;

/// <summary>
/// The body of <c>/invocation/{id}/error</c> and <c>/init/error</c>: <c>{errorMessage, errorType, stackTrace?}</c>.
/// Every part is capped so the body stays far below what Lambda accepts (a few kilobytes at most), whatever
/// the exception carried.
/// </summary>
public sealed record ErrorReport
{
    /// <summary>Budget of the message, in UTF-8 bytes.</summary>
    public const int MaxMessageBytes = 4096;

    /// <summary>Budget of the error type, in ASCII characters (it is also sent as a header).</summary>
    public const int MaxErrorTypeLength = 128;

    public const int MaxStackFrames = 24;
    public const int MaxFrameBytes = 256;

    [JsonConstructor]
    public ErrorReport(string errorType, string errorMessage, IReadOnlyList<string>? stackTrace = null)
    {
        ErrorType = ErrorText.HeaderSafe(errorType, MaxErrorTypeLength, "Runtime.Unknown");
        ErrorMessage = ErrorText.Truncate(string.IsNullOrWhiteSpace(errorMessage) ? ErrorType : errorMessage, MaxMessageBytes);
        StackTrace = stackTrace is null || stackTrace.Count == 0
            ? null
            : [.. stackTrace.Take(MaxStackFrames).Select(frame => ErrorText.Truncate(frame, MaxFrameBytes))];
    }

    [JsonPropertyName("errorMessage")]
    public string ErrorMessage { get; }

    [JsonPropertyName("errorType")]
    public string ErrorType { get; }

    [JsonPropertyName("stackTrace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? StackTrace { get; }

    /// <summary>
    /// The report of a failed invocation: the error type the host names for an expected failure (no stack trace,
    /// see <see cref="Serving.RuntimeOptions.KnownErrorType"/>), else the exception's type name with its stack frames.
    /// </summary>
    public static ErrorReport FromException(Exception exception, Func<Exception, string?>? knownErrorType = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
            exception = aggregate.InnerExceptions[0];

        return knownErrorType?.Invoke(exception) is { } known
            ? new ErrorReport(known, exception.Message)
            : new ErrorReport(exception.GetType().Name, exception.Message, Frames(exception));
    }

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, RuntimeJsonContext.Default.ErrorReport);

    private static string[] Frames(Exception exception) =>
        exception.StackTrace is { } trace
            ? trace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
}
