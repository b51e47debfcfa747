using System.Diagnostics;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;

namespace ConfigRules.Bench.ColdStart;

/// <summary>
/// Starts a build of the bootstrap as Lambda starts it: a clean environment with only Lambda's variables, pointed
/// at a loopback Runtime API and the loopback AWS account. Output is drained (the runtime logs JSON lines) and kept
/// for error messages.
/// </summary>
internal sealed class FunctionLauncher(string build, string executable, IReadOnlyList<string> arguments, string taskRoot)
{
    public string Build { get; } = build;

    public string Command => string.Join(' ', [Path.GetFileName(executable), .. arguments.Select(Path.GetFileName)]);

    public static FunctionLauncher Aot(string bootstrap) =>
        new("Native AOT", bootstrap, [], Path.GetDirectoryName(bootstrap)!);

    public static FunctionLauncher Jit(string bootstrapDll) =>
        new("JIT (framework-dependent)", DotnetHost(), [bootstrapDll], Path.GetDirectoryName(bootstrapDll)!);

    /// <summary>A Python 3 rule script (standard library only) run by <paramref name="python"/>, the interpreter itself (not a shim).</summary>
    public static FunctionLauncher Python(string python, string script) =>
        new("Python 3 (standard library)", python, [script], Path.GetDirectoryName(script)!);

    public RunningFunction Start(string handler, LoopbackRuntimeApi runtimeApi, LoopbackAwsServer aws)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = taskRoot,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(handler, runtimeApi.Address, taskRoot)) info.Environment[name] = value;
        foreach (var (name, value) in aws.EnvironmentVariables) info.Environment[name] = value;

        var process = new Process { StartInfo = info };
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        var started = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningFunction(process, started, output);
    }

    /// <summary>The <c>dotnet</c> host that runs this suite: the shared framework lives three folders below it.</summary>
    private static string DotnetHost()
    {
        var runtimeDirectory = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var host = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", "dotnet"));
        return File.Exists(host) ? host : throw new FileNotFoundException($"The dotnet host was not found beside the shared framework at {host}.", host);
    }
}

/// <summary>A started function process; disposing kills it (it would otherwise wait for its next invocation).</summary>
internal sealed class RunningFunction(Process process, long startedTimestamp, System.Collections.Concurrent.ConcurrentQueue<string> output) : IAsyncDisposable
{
    public long StartedTimestamp { get; } = startedTimestamp;

    public string Output => string.Join('\n', output);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        process.Dispose();
    }
}
