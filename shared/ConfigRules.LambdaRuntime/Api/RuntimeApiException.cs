namespace ConfigRules.LambdaRuntime.Api;

/// <summary>The Lambda Runtime API refused a request or answered something the runtime cannot use.</summary>
public sealed class RuntimeApiException : Exception
{
    public RuntimeApiException(string message, int? statusCode = null, Exception? inner = null)
        : base(message, inner) => StatusCode = statusCode;

    public RuntimeApiException() : this("The Lambda Runtime API request failed.") { }

    public RuntimeApiException(string message) : this(message, null, null) { }

    public RuntimeApiException(string message, Exception inner) : this(message, null, inner) { }

    /// <summary>The HTTP status the Runtime API answered with, when it answered at all.</summary>
    public int? StatusCode { get; }
}
