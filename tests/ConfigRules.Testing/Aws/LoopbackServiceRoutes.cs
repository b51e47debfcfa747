namespace ConfigRules.Testing.Aws;

/// <summary>How the loopback endpoint recognises, checks and answers one service's requests.</summary>
internal sealed record LoopbackServiceRoute(
    string SigningName,
    WireProtocol Protocol,
    bool IsGlobal,
    Func<LoopbackRequest, string> OperationOf,
    Func<string, LoopbackRequest, LoopbackReply> Handle,
    int ThrottleStatus,
    string ThrottleCode)
{
    /// <summary>awsJson1_1: POST /, the JSON 1.1 content type and an X-Amz-Target of the service's prefix.</summary>
    public static Func<LoopbackRequest, string> AwsJsonOperation(string targetPrefix) => request =>
    {
        if (request.Method != "POST" || request.RawPath != "/")
            throw new FakeAwsErrorException(400, "UnknownOperationException", $"awsJson1_1 requests are POST /, not {request.Method} {request.RawPath}.");
        if (request.Header("Content-Type") != "application/x-amz-json-1.1")
            throw new FakeAwsErrorException(400, "SerializationException", $"Content-Type must be application/x-amz-json-1.1, not '{request.Header("Content-Type")}'.");
        var target = request.Header("X-Amz-Target") ?? throw new FakeAwsErrorException(400, "UnknownOperationException", "X-Amz-Target is missing.");
        if (!target.StartsWith(targetPrefix + ".", StringComparison.Ordinal))
            throw new FakeAwsErrorException(400, "UnknownOperationException", $"X-Amz-Target '{target}' is not {targetPrefix}.<Operation>.");
        return target[(targetPrefix.Length + 1)..];
    };

    /// <summary>awsQuery: POST / with a form body naming Action and the service's API Version.</summary>
    public static Func<LoopbackRequest, string> AwsQueryOperation(string version) => request =>
    {
        if (request.Method != "POST" || request.RawPath != "/")
            throw new FakeAwsErrorException(400, "InvalidAction", $"awsQuery requests are POST /, not {request.Method} {request.RawPath}.");
        var contentType = request.Header("Content-Type") ?? string.Empty;
        if (!contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            throw new FakeAwsErrorException(400, "InvalidAction", $"Content-Type must be application/x-www-form-urlencoded, not '{contentType}'.");
        var form = request.Form;
        if (!form.TryGetValue("Version", out var sent) || sent != version)
            throw new FakeAwsErrorException(400, "InvalidAction", $"Version must be {version}, not '{sent}'.");
        return form.TryGetValue("Action", out var action) ? action : throw new FakeAwsErrorException(400, "MissingAction", "Action is missing.");
    };
}
