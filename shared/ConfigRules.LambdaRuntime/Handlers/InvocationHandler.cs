using ConfigRules.LambdaRuntime.Api;

namespace ConfigRules.LambdaRuntime.Handlers;

/// <summary>Adapts a function to <see cref="IInvocationHandler"/>, for handlers whose logic lives in another type.</summary>
public static class InvocationHandler
{
    public delegate Task<ReadOnlyMemory<byte>> HandleDelegate(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken);

    /// <example><c>table.Add("compliance-notifier", init => InvocationHandler.From(async (payload, _, ct) => await notifier.HandleJsonAsync(payload, ct)));</c></example>
    public static IInvocationHandler From(HandleDelegate handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return new Delegating(handle);
    }

    private sealed class Delegating(HandleDelegate handle) : IInvocationHandler
    {
        public Task<ReadOnlyMemory<byte>> HandleAsync(ReadOnlyMemory<byte> payload, InvocationContext context, CancellationToken cancellationToken) =>
            handle(payload, context, cancellationToken);
    }
}
