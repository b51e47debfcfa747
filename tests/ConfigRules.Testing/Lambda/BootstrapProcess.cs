using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using NUnit.Framework;

namespace ConfigRules.Testing.Lambda;

/// <summary>
/// The published Native AOT bootstrap (<see cref="RepositoryPaths.Bootstrap"/>) started as Lambda starts it: a
/// clean environment holding only what Lambda sets, pointed at a <see cref="LoopbackRuntimeApi"/>. Captures
/// stdout (the JSON log lines) and stderr; disposing kills the process if it still runs.
/// </summary>
public sealed class BootstrapProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private TaskCompletionSource _nextLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BootstrapProcess(Process process, long startedTimestamp)
    {
        _process = process;
        StartedTimestamp = startedTimestamp;
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process started (cold-start measurements).</summary>
    public long StartedTimestamp { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    public IReadOnlyList<string> StandardError => [.. _stderr];

    /// <summary>Stdout and stderr, for assertion messages.</summary>
    public string Output => string.Join('\n', _stdout) + (_stderr.IsEmpty ? string.Empty : "\n[stderr]\n" + string.Join('\n', _stderr));

    /// <summary>The stdout lines that are JSON objects (the runtime's structured log).</summary>
    public IReadOnlyList<JsonElement> LogEntries => [.. _stdout.Where(line => line.StartsWith('{')).Select(ParseLine)];

    /// <summary>The bootstrap's path; fails the test with how to produce it when it has not been published.</summary>
    public static string RequirePublishedBootstrap()
    {
        var path = RepositoryPaths.Bootstrap;
        if (!File.Exists(path))
            Assert.Fail($"The published bootstrap {path} does not exist. Run `dotnet cake --target=Test` (it publishes the Native AOT bootstrap before the tests), or set CONFIGRULES_BOOTSTRAP.");
        return path;
    }

    /// <summary>
    /// Starts the bootstrap for <paramref name="handler"/> with the Lambda environment; <paramref name="environment"/>
    /// adds or replaces variables (a loopback AWS endpoint's, say) and <paramref name="remove"/> takes some away.
    /// </summary>
    public static BootstrapProcess Start(string handler, LoopbackRuntimeApi runtimeApi,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyCollection<string>? remove = null) =>
        Launch(RequirePublishedBootstrap(), emulator: null, handler, runtimeApi, environment, remove);

    /// <summary>As <see cref="Start(string, LoopbackRuntimeApi, IReadOnlyDictionary{string, string}?, IReadOnlyCollection{string}?)"/>, for another bootstrap (one a team built from the rule template, say).</summary>
    public static BootstrapProcess StartAt(string path, string handler, LoopbackRuntimeApi runtimeApi,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyCollection<string>? remove = null) =>
        Launch(path, emulator: null, handler, runtimeApi, environment, remove);

    /// <summary>
    /// As <see cref="Start(string, LoopbackRuntimeApi, IReadOnlyDictionary{string, string}?, IReadOnlyCollection{string}?)"/>
    /// for the cross-compiled arm64 bootstrap, run under qemu (<see cref="Arm64Bootstrap"/>); ignores the test when
    /// it cannot run here.
    /// </summary>
    public static BootstrapProcess StartArm64(string handler, LoopbackRuntimeApi runtimeApi,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyCollection<string>? remove = null)
    {
        var (bootstrap, emulator) = Arm64Bootstrap.RequireRunnable();
        return Launch(bootstrap, emulator, handler, runtimeApi, environment, remove);
    }

    private static BootstrapProcess Launch(string path, string? emulator, string handler, LoopbackRuntimeApi runtimeApi,
        IReadOnlyDictionary<string, string>? environment, IReadOnlyCollection<string>? remove)
    {
        ArgumentNullException.ThrowIfNull(runtimeApi);
        var info = new ProcessStartInfo(emulator ?? path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        info.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(handler, runtimeApi.Address, Path.GetDirectoryName(path)!))
            info.Environment[name] = value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        foreach (var name in remove ?? [])
            info.Environment.Remove(name);
        if (emulator is not null)
        {
            info.ArgumentList.Add("-L");
            info.ArgumentList.Add(Arm64Bootstrap.LibraryPrefix);
            info.ArgumentList.Add(path);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var started = Stopwatch.GetTimestamp();
        var bootstrap = new BootstrapProcess(process, started);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) bootstrap.Received(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) bootstrap._stderr.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bootstrap;
    }

    /// <summary>
    /// The stdout lines matching <paramref name="match"/> once there are <paramref name="count"/> of them: output is
    /// read asynchronously, so a line the process wrote before answering may arrive a moment after the answer.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitForLinesAsync(Func<string, bool> match, int count, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var signal = Volatile.Read(ref _nextLine).Task;
            var found = _stdout.Where(match).ToList();
            if (found.Count >= count) return found;
            try
            {
                await signal.WaitAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex)
            {
                throw new TimeoutException($"Expected {count} matching output line(s) within {timeout.TotalSeconds} s, found {found.Count}. Output:\n{Output}", ex);
            }
        }
    }

    private void Received(string line)
    {
        _stdout.Enqueue(line);
        Interlocked.Exchange(ref _nextLine, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>The exit code, or a TimeoutException (with the output) when the process is still running.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            throw new TimeoutException($"The bootstrap did not exit within {timeout.TotalSeconds} s. Output:\n{Output}", ex);
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        _process.Dispose();
    }

    private static JsonElement ParseLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }
}
