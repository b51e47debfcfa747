using System.Text;
using System.Text.Json;
using ConfigRules.Hosting;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;
using ConfigRules.LambdaRuntime.Serving;

namespace ConfigRules.Lambda.Tests.Runtime;

/// <summary>
/// The serving loop run inside the test process against a <see cref="LoopbackRuntimeApi"/>, with its own
/// environment and a captured log: the real HTTP path, without publishing the bootstrap.
/// </summary>
internal sealed class InProcessRuntime : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly LockedLog _log = new();

    private InProcessRuntime(LoopbackRuntimeApi api, InMemoryEnvironment environment, Task<int> run)
    {
        Api = api;
        Environment = environment;
        Run = run;
    }

    public LoopbackRuntimeApi Api { get; }

    public InMemoryEnvironment Environment { get; }

    /// <summary>The loop; completes with the exit code.</summary>
    public Task<int> Run { get; private set; }

    /// <summary>
    /// Starts the loop for <paramref name="handler"/>. <paramref name="time"/> is the clock of both the loop and the
    /// Runtime API (deadlines, backoff pauses): a <see cref="SteppedTime"/> lets a test move it.
    /// </summary>
    public static InProcessRuntime Start(HandlerTable table, string? handler, RuntimeOptions? options = null,
        Action<Dictionary<string, string?>>? environment = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var api = LoopbackRuntimeApi.Start(time);
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [LambdaBootstrap.RuntimeApiVariable] = api.Address,
            [LambdaBootstrap.HandlerVariable] = handler,
        };
        environment?.Invoke(variables);
        var env = new InMemoryEnvironment(variables);
        var runtime = new InProcessRuntime(api, env, Task.FromResult(0));
        var logger = new RuntimeLogger(runtime._log, time, LogLevel.Debug);
        // As a rule host runs it: the framework's typed failures are named by their errorType.
        options = (options ?? RuntimeOptions.Default) with { KnownErrorType = options?.KnownErrorType ?? RuleHost.KnownErrorType };
        var bootstrap = new LambdaBootstrap(table, env, logger, time, options);
        runtime.Run = Task.Run(() => bootstrap.RunAsync(runtime._stopping.Token));
        return runtime;
    }

    /// <summary>The JSON log lines written so far.</summary>
    public IReadOnlyList<JsonElement> LogEntries => [.. _log.Lines().Select(line =>
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    })];

    public string LogText => string.Join('\n', _log.Lines());

    public async Task<int> StopAsync()
    {
        await _stopping.CancelAsync();
        return await Run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted) await StopAsync();
        await Api.DisposeAsync();
        _stopping.Dispose();
        _log.Dispose();
    }

    /// <summary>A memory stream whose writes and reads do not interleave (the logger writes from the loop's thread).</summary>
    private sealed class LockedLog : MemoryStream
    {
        private readonly Lock _gate = new();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_gate) base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            lock (_gate) base.WriteByte(value);
        }

        public string[] Lines()
        {
            lock (_gate) return Encoding.UTF8.GetString(GetBuffer(), 0, (int)Length).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
