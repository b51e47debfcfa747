using ConfigRules.LambdaRuntime.Api;

namespace ConfigRules.LambdaRuntime.Handlers;

/// <summary>
/// One Lambda handler: the raw event in, the response body out. Throwing fails the invocation through
/// <c>/invocation/{id}/error</c> (the host names expected failures' errorType, see <see cref="Serving.RuntimeOptions.KnownErrorType"/>).
/// The token is cancelled a safety margin before Lambda's deadline: pass it to every call that may wait.
/// </summary>
public interface IInvocationHandler
{
    Task<ReadOnlyMemory<byte>> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken);
}
