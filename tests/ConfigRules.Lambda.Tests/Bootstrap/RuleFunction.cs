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
    public static RuleFunction Start(string handler, Action<LoopbackAwsServer>? arrange = null, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(handler, arrange, environment, arm64: false);

    /// <summary>As <see cref="Start(string, Action{LoopbackAwsServer}?, IReadOnlyDictionary{string, string}?)"/> with the arm64 bootstrap under qemu.</summary>
    public static RuleFunction StartArm64(string handler, Action<LoopbackAwsServer>? arrange = null) =>
        Start(handler, arrange, environment: null, arm64: true);

    private static RuleFunction Start(string handler, Action<LoopbackAwsServer>? arrange, IReadOnlyDictionary<string, string>? environment, bool arm64)
    {
        if (arm64) Arm64Bootstrap.RequireRunnable();
        var aws = LoopbackAwsServer.Start();
        var runtimeApi = LoopbackRuntimeApi.Start();
        arrange?.Invoke(aws);
        var variables = new Dictionary<string, string>(aws.EnvironmentVariables, StringComparer.Ordinal);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) variables[name] = value;
        IReadOnlyCollection<string> remove = aws.UsesSessionToken ? [] : ["AWS_SESSION_TOKEN"];
        var process = arm64
            ? BootstrapProcess.StartArm64(handler, runtimeApi, variables, remove)
            : BootstrapProcess.Start(handler, runtimeApi, variables, remove);
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
