namespace ConfigRules.Testing.Aws;

/// <summary>What the loopback endpoint saw and how it answered, for assertions.</summary>
public sealed record RecordedRequest(
    string Service,
    string Operation,
    LoopbackRequest Request,
    int Status,
    string? ErrorCode,
    DateTimeOffset ReceivedAt)
{
    public string BodyText => Request.BodyText;

    /// <summary>Whether the signature checked out (a 403 from the verifier says no).</summary>
    public bool SignatureValid { get; init; } = true;

    /// <summary>The access key id of the Authorization header: the loopback account's, or one the fake STS issued.</summary>
    public string? AccessKeyId { get; init; }

    public override string ToString() => $"{Service} {Operation} -> {Status}{(ErrorCode is null ? string.Empty : " " + ErrorCode)}";
}
