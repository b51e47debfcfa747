using ConfigRules.Testing.Aws;

namespace ConfigRules.Testing.Lambda;

/// <summary>
/// One function as Lambda runs it: the published Native AOT bootstrap for a handler, its loopback Runtime API, and
/// the loopback AWS account it calls (every signature verified). Disposing kills the process and stops the Runtime
/// API, and the account when the function started it.
/// </summary>
public sealed class LoopbackFunction : IAsyncDisposable
{
    /// <summary>How long a test waits for one invocation's outcome before it counts as lost.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>The function timeout an event gets unless a test sets one.</summary>
    public static readonly TimeSpan DefaultFunctionTimeout = TimeSpan.FromSeconds(60);

    private LoopbackFunction()
    {
    }

    public required LoopbackAwsServer Aws { get; init; }

    public required LoopbackRuntimeApi RuntimeApi { get; init; }

    public required BootstrapProcess Process { get; init; }

    /// <summary>Whether disposing stops <see cref="Aws"/> too (the function started it).</summary>
    private bool OwnsAws { get; init; }

    /// <summary>
    /// Starts a fresh account, lets <paramref name="arrange"/> fill it, then starts the bootstrap with
    /// <paramref name="environment"/> added to the account's variables.
    /// </summary>
    public static LoopbackFunction Start(string handler, Action<LoopbackAwsServer>? arrange = null, IReadOnlyDictionary<string, string>? environment = null) =>
        Launch(handler, LoopbackAwsServer.Start(), ownsAws: true, Arranged(arrange, environment), remove: null, arm64: false);

    /// <summary>
    /// Starts a fresh account, lets <paramref name="arrange"/> fill it and return the function's own variables, then
    /// starts the bootstrap; <paramref name="remove"/> takes variables away.
    /// </summary>
    public static LoopbackFunction Start(string handler, Func<LoopbackAwsServer, IReadOnlyDictionary<string, string>> arrange, IReadOnlyCollection<string>? remove = null) =>
        Launch(handler, LoopbackAwsServer.Start(), ownsAws: true, arrange, remove, arm64: false);

    /// <summary>As <see cref="Start(string, Action{LoopbackAwsServer}?, IReadOnlyDictionary{string, string}?)"/> with the arm64 bootstrap under qemu.</summary>
    public static LoopbackFunction StartArm64(string handler, Action<LoopbackAwsServer>? arrange = null)
    {
        Arm64Bootstrap.RequireRunnable();
        return Launch(handler, LoopbackAwsServer.Start(), ownsAws: true, Arranged(arrange, environment: null), remove: null, arm64: true);
    }

    /// <summary>
    /// Starts the bootstrap against <paramref name="aws"/>, which the caller set up and disposes (a soak's faulty
    /// account, say); <paramref name="environment"/> adds to or overrides the account's variables.
    /// </summary>
    public static LoopbackFunction StartAgainst(string handler, LoopbackAwsServer aws, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(aws);
        return Launch(handler, aws, ownsAws: false, Arranged(arrange: null, environment), remove: null, arm64: false);
    }

    /// <summary>Queues an event under <paramref name="functionTimeout"/> (<see cref="DefaultFunctionTimeout"/> unless given).</summary>
    public PendingInvocation Enqueue(byte[] payload, TimeSpan? functionTimeout = null, string? requestId = null) =>
        RuntimeApi.Enqueue(payload, functionTimeout ?? DefaultFunctionTimeout, requestId);

    /// <summary>The invocation's outcome; a lost one fails with the process output in the message.</summary>
    public async Task<InvocationOutcome> WaitAsync(PendingInvocation invocation) =>
        await TryWaitAsync(invocation).ConfigureAwait(false)
        ?? throw new TimeoutException($"Invocation {invocation.RequestId} had no outcome within {Wait}.\nBootstrap output:\n{Process.Output}");

    /// <summary>Queues an event and waits for its outcome; a lost one fails with the process output in the message.</summary>
    public Task<InvocationOutcome> InvokeAsync(byte[] payload, TimeSpan? functionTimeout = null, string? requestId = null) =>
        WaitAsync(Enqueue(payload, functionTimeout, requestId));

    /// <summary>Queues an event and waits for its outcome; null when none came within <see cref="Wait"/> (a lost invocation).</summary>
    public Task<InvocationOutcome?> TryInvokeAsync(byte[] payload, TimeSpan? functionTimeout = null, string? requestId = null) =>
        TryWaitAsync(Enqueue(payload, functionTimeout, requestId));

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync().ConfigureAwait(false);
        await RuntimeApi.DisposeAsync().ConfigureAwait(false);
        if (OwnsAws) await Aws.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<InvocationOutcome?> TryWaitAsync(PendingInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        try
        {
            return await invocation.WaitAsync(Wait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static Func<LoopbackAwsServer, IReadOnlyDictionary<string, string>> Arranged(
        Action<LoopbackAwsServer>? arrange, IReadOnlyDictionary<string, string>? environment) => aws =>
    {
        arrange?.Invoke(aws);
        return environment ?? new Dictionary<string, string>();
    };

    private static LoopbackFunction Launch(string handler, LoopbackAwsServer aws, bool ownsAws,
        Func<LoopbackAwsServer, IReadOnlyDictionary<string, string>> arrange, IReadOnlyCollection<string>? remove, bool arm64)
    {
        var runtimeApi = LoopbackRuntimeApi.Start();
        var variables = new Dictionary<string, string>(aws.EnvironmentVariables, StringComparer.Ordinal);
        foreach (var (name, value) in arrange(aws)) variables[name] = value;
        // An account without a session token must not leave the machine's AWS_SESSION_TOKEN to the process.
        IReadOnlyCollection<string> removed = [.. remove ?? [], .. aws.UsesSessionToken ? Array.Empty<string>() : ["AWS_SESSION_TOKEN"]];
        var process = arm64
            ? BootstrapProcess.StartArm64(handler, runtimeApi, variables, removed)
            : BootstrapProcess.Start(handler, runtimeApi, variables, removed);
        return new LoopbackFunction { Aws = aws, OwnsAws = ownsAws, RuntimeApi = runtimeApi, Process = process };
    }
}
