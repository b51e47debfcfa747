using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;

namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>
/// One rule function as Lambda runs it: the published bootstrap for a handler, its loopback Runtime API, and
/// the loopback AWS account it calls (signatures verified). Disposing kills the process and stops both servers.
/// </summary>
internal sealed class RuleFunction : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private RuleFunction(LoopbackAwsServer aws, LoopbackRuntimeApi runtimeApi, BootstrapProcess process)
    {
        Aws = aws;
        RuntimeApi = runtimeApi;
        Process = process;
    }

    public LoopbackAwsServer Aws { get; }

    public LoopbackRuntimeApi RuntimeApi { get; }

    public BootstrapProcess Process { get; }

    /// <summary>
    /// Starts the servers, lets <paramref name="arrange"/> fill the fake account, then starts the bootstrap, with
    /// <paramref name="environment"/> added to the function's variables.
    /// </summary>
    public static RuleFunction Start(string handler, Action<LoopbackAwsServer>? arrange = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var aws = LoopbackAwsServer.Start();
        var runtimeApi = LoopbackRuntimeApi.Start();
        arrange?.Invoke(aws);
        var variables = new Dictionary<string, string>(aws.EnvironmentVariables, StringComparer.Ordinal);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) variables[name] = value;
        var process = BootstrapProcess.Start(handler, runtimeApi, variables, remove: aws.UsesSessionToken ? [] : ["AWS_SESSION_TOKEN"]);
        return new RuleFunction(aws, runtimeApi, process);
    }

    /// <summary>Queues an event and waits for its outcome (the process output is in the timeout's message).</summary>
    public async Task<InvocationOutcome> InvokeAsync(byte[] payload, TimeSpan? functionTimeout = null)
    {
        var invocation = RuntimeApi.Enqueue(payload, functionTimeout ?? TimeSpan.FromSeconds(60));
        try
        {
            return await invocation.WaitAsync(Wait);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nBootstrap output:\n{Process.Output}", ex);
        }
    }

    /// <summary>Requests the bootstrap made to the fake account, for one operation.</summary>
    public IReadOnlyList<RecordedRequest> Calls(string operation) => Aws.RequestsFor("config", operation);

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await RuntimeApi.DisposeAsync();
        await Aws.DisposeAsync();
    }
}
