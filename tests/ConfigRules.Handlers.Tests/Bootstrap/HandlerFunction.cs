using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;

namespace ConfigRules.Handlers.Tests.Bootstrap;

/// <summary>
/// One function as Lambda runs it: the published Native AOT bootstrap for a handler, its loopback Runtime API, and
/// the loopback AWS account it calls (every signature verified). Disposing kills the process and stops both servers.
/// </summary>
internal sealed class HandlerFunction : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private HandlerFunction(LoopbackAwsServer aws, LoopbackRuntimeApi runtimeApi, BootstrapProcess process)
    {
        Aws = aws;
        RuntimeApi = runtimeApi;
        Process = process;
    }

    public LoopbackAwsServer Aws { get; }
    public LoopbackRuntimeApi RuntimeApi { get; }
    public BootstrapProcess Process { get; }

    /// <summary>
    /// Starts the servers, lets <paramref name="arrange"/> fill the fake account and return the function's own
    /// variables, then starts the bootstrap. <paramref name="remove"/> takes variables away.
    /// </summary>
    public static HandlerFunction Start(string handler, Func<LoopbackAwsServer, IReadOnlyDictionary<string, string>>? arrange = null,
        IReadOnlyCollection<string>? remove = null)
    {
        var aws = LoopbackAwsServer.Start();
        var runtimeApi = LoopbackRuntimeApi.Start();
        var variables = new Dictionary<string, string>(aws.EnvironmentVariables, StringComparer.Ordinal);
        foreach (var (name, value) in arrange?.Invoke(aws) ?? new Dictionary<string, string>()) variables[name] = value;
        var process = BootstrapProcess.Start(handler, runtimeApi, variables, remove);
        return new HandlerFunction(aws, runtimeApi, process);
    }

    /// <summary>Queues an event and waits for its outcome (the process output is in the timeout's message).</summary>
    public async Task<InvocationOutcome> InvokeAsync(byte[] payload)
    {
        var invocation = RuntimeApi.Enqueue(payload, TimeSpan.FromSeconds(60));
        try
        {
            return await invocation.WaitAsync(Wait);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nBootstrap output:\n{Process.Output}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await RuntimeApi.DisposeAsync();
        await Aws.DisposeAsync();
    }
}
