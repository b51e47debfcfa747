using System.Diagnostics;
using System.Globalization;
using ConfigRules.Bench.ColdStart;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;

namespace ConfigRules.Bench.Footprint;

/// <summary>A handler's measured footprint: peak RSS with no limit, the memory limits it did and did not work under, and its warm billed duration.</summary>
public sealed record FootprintResult(FootprintScenario Scenario, long PeakRssBytes, IReadOnlyList<(int LimitMb, bool Worked)> Limits, double WarmBilledMs);

/// <summary>
/// Runs each scenario's handler as a process (the Native AOT bootstrap, or the Python rule script): once without a
/// limit (peak RSS from /proc/PID/status VmHWM after the invocations; warm duration over repeated invocations), then
/// cold, one invocation each, under decreasing limits (<see cref="FootprintLimits"/>) to find the smallest it works at.
/// </summary>
public static class FootprintRunner
{
    public static readonly IReadOnlyList<int> LimitsMb = [128, 64, 48, 32, 24];
    private const int WarmInvocations = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static async Task<IReadOnlyList<FootprintResult>> RunAsync(string bootstrap)
    {
        if (!File.Exists(bootstrap)) throw new FileNotFoundException($"The AOT bootstrap {bootstrap} is missing: publish it first.", bootstrap);
        var (python, pythonMissing) = PythonInterpreter.Find();
        var results = new List<FootprintResult>();
        foreach (var scenario in FootprintScenarios.All)
        {
            if (scenario.Runtime == FootprintRuntime.Python && python is null)
            {
                Console.WriteLine($"[footprint] {scenario.Handler} skipped: {pythonMissing}");
                continue;
            }
            var launch = scenario.Runtime == FootprintRuntime.Python ? new Launch(python!, [PythonRule]) : new Launch(bootstrap, []);
            var (peak, warmMs) = await MeasureAsync(launch, scenario, limitMb: null, warm: true);
            var limits = new List<(int, bool)>();
            foreach (var limit in LimitsMb)
            {
                var worked = await WorksUnderAsync(launch, scenario, limit);
                limits.Add((limit, worked));
                if (!worked) break;
            }
            Console.WriteLine($"[footprint] {scenario.Handler} ({scenario.Work}): peak {peak / 1_048_576d:F1} MB, warm {warmMs:F0} ms, limits {string.Join(", ", limits.Select(l => $"{l.Item1} MB {(l.Item2 ? "ok" : "failed")}"))}");
            results.Add(new FootprintResult(scenario, peak, limits, warmMs));
        }
        return results;
    }

    /// <summary>lambda-timeout-check in Python, copied beside the suite (ColdStart/python).</summary>
    private static string PythonRule => Path.Combine(AppContext.BaseDirectory, "ColdStart", "python", "lambda_timeout_check.py");

    private sealed record Launch(string Executable, IReadOnlyList<string> Arguments);

    private static async Task<bool> WorksUnderAsync(Launch launch, FootprintScenario scenario, int limitMb)
    {
        try
        {
            await MeasureAsync(launch, scenario, limitMb, warm: false);
            return true;
        }
        catch (FootprintRunFailedException ex)
        {
            Console.WriteLine($"[footprint] {scenario.Handler} under {limitMb} MB: {string.Join(" | ", ex.Message.Split('\n').Take(3))}");
            return false;
        }
    }

    private static async Task<(long PeakRss, double WarmBilledMs)> MeasureAsync(Launch launch, FootprintScenario scenario, int? limitMb, bool warm)
    {
        await using var aws = LoopbackAwsServer.Start();
        await using var payloads = LoopbackPayloadServer.Start();
        var work = scenario.Arrange(new FootprintEndpoints(aws, payloads));
        await using var runtimeApi = LoopbackRuntimeApi.Start();
        var taskRoot = Path.GetDirectoryName(launch.Arguments.Count > 0 ? launch.Arguments[0] : launch.Executable)!;
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = taskRoot };
        // The shell sets the limit on itself, then becomes the function: its whole life, init included, runs under it.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(limitMb is { } mb ? $"{FootprintLimits.ShellCommand(mb)} && exec \"$0\" \"$@\"" : "exec \"$0\" \"$@\"");
        info.ArgumentList.Add(launch.Executable);
        foreach (var argument in launch.Arguments) info.ArgumentList.Add(argument);
        info.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(scenario.Handler, runtimeApi.Address, taskRoot)) info.Environment[name] = value;
        foreach (var (name, value) in aws.EnvironmentVariables) info.Environment[name] = value;
        foreach (var (name, value) in work.Variables) info.Environment[name] = value;
        if (limitMb is { } setting) foreach (var (name, value) in FootprintLimits.Environment(scenario.Runtime, setting)) info.Environment[name] = value;
        info.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = (limitMb ?? 128).ToString(CultureInfo.InvariantCulture);

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var durations = new List<double>();
            for (var i = 0; i < (warm ? WarmInvocations : 1); i++)
            {
                var invocation = runtimeApi.Enqueue(work.Request, TimeSpan.FromSeconds(60));
                var answered = invocation.WaitAsync(Patience);
                var finished = await Task.WhenAny(answered, process.WaitForExitAsync());
                if (finished != answered || answered.IsFaulted)
                    throw new FootprintRunFailedException($"no answer ({(process.HasExited ? $"the process exited with {process.ExitCode}" : "timed out")})\n{string.Join('\n', output)}");
                var outcome = await answered;
                if (outcome.IsError) throw new FootprintRunFailedException($"the invocation failed: {outcome}\n{string.Join('\n', output)}");
                if (scenario.Problem?.Invoke(outcome) is { } problem) throw new FootprintRunFailedException($"{problem}\n{string.Join('\n', output)}");
                durations.Add((outcome.ReportedAt - invocation.DispatchedAt!.Value).TotalMilliseconds);
            }
            var peak = PeakRss(process.Id);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (peak, warm ? BilledWarmMilliseconds(durations) : 0);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>
    /// The median warm duration (the first, cold, invocation left out), as the Runtime API sees it: from handing the
    /// event out on /next to receiving the response, the span Lambda bills; rounded up to the millisecond as Lambda bills.
    /// </summary>
    private static double BilledWarmMilliseconds(List<double> durations)
    {
        var warm = durations.Skip(1).Order().ToList();
        return warm.Count == 0 ? throw new InvalidOperationException("No warm invocation was measured.") : Math.Ceiling(warm[warm.Count / 2]);
    }

    private static long PeakRss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}

/// <summary>A run that did not answer under its limit (killed, out of memory, or failed).</summary>
public sealed class FootprintRunFailedException(string message) : Exception(message);
