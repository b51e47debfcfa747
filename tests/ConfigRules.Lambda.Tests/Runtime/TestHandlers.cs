using System.Text;
using ConfigRules.Framework.Events;
using ConfigRules.LambdaRuntime.Api;
using ConfigRules.LambdaRuntime.Handlers;

namespace ConfigRules.Lambda.Tests.Runtime;

/// <summary>In-memory handlers that exercise the loop's paths.</summary>
internal static class TestHandlers
{
    /// <summary>Answers "echo:" + payload; payload "throw:..." throws an InvalidEventException, "crash" an InvalidOperationException.</summary>
    public static IInvocationHandler Echo { get; } = InvocationHandler.From((payload, context, _) =>
    {
        var text = Encoding.UTF8.GetString(payload.Span);
        if (text.StartsWith("throw:", StringComparison.Ordinal)) throw new InvalidEventException(text["throw:".Length..]);
        if (text == "crash") throw new InvalidOperationException("The handler crashed.");
        return Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes($"{{\"echo\":\"{text}\",\"trace\":\"{context.TraceId}\"}}"));
    });

    /// <summary>Waits on the invocation token (as an AWS call with retries would) and never finishes on its own.</summary>
    public static IInvocationHandler WaitsForCancellation { get; } = InvocationHandler.From(async (_, _, token) =>
    {
        var never = new TaskCompletionSource<ReadOnlyMemory<byte>>(TaskCreationOptions.RunContinuationsAsynchronously);
        return await never.Task.WaitAsync(token);
    });

    /// <summary>Throws synchronously, before returning a task.</summary>
    public static IInvocationHandler ThrowsSynchronously { get; } = InvocationHandler.From((_, _, _) => throw new ArgumentException("Thrown before any await."));

    public static HandlerTable Table(params (string Name, IInvocationHandler Handler)[] handlers)
    {
        var table = new HandlerTable();
        foreach (var (name, handler) in handlers) table.Add(name, _ => handler);
        return table;
    }
}
