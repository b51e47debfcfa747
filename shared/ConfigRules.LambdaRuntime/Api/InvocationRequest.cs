namespace ConfigRules.LambdaRuntime.Api;

/// <summary>One event taken from <c>/invocation/next</c>: its context and the raw payload bytes.</summary>
public sealed record InvocationRequest(InvocationContext Context, ReadOnlyMemory<byte> Payload);
