using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;

namespace ConfigRules.Bench.Footprint;

/// <summary>A handler's measured footprint: peak RSS with no limit, and the memory limits it did and did not work under.</summary>
public sealed record FootprintResult(FootprintScenario Scenario, long PeakRssBytes, IReadOnlyList<(int LimitMb, bool Worked)> Limits, double WarmBilledMs);

/// <summary>
/// Runs each scenario's handler in the Native AOT bootstrap as a process: once without a limit (peak RSS from
/// /proc/PID/status VmHWM, after the invocation), then inside a cgroup-v1 memory cgroup at decreasing limits
/// (the process is moved into the cgroup before it execs, so init counts too) to find the smallest it works at.
/// Warm duration: the same invocation repeated in one process; the runtime's logged durationMs, billed rounded up.
/// </summary>
public static class FootprintRunner
{
    public const string CgroupRoot = "/sys/fs/cgroup/memory";
    public static readonly IReadOnlyList<int> LimitsMb = [128, 64, 48, 32, 24];
    private const int WarmInvocations = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    public static bool CgroupsAvailable =>
        Directory.Exists(CgroupRoot) && File.Exists(Path.Combine(CgroupRoot, "cgroup.procs")) && Environment.UserName == "root";

    public static async Task<IReadOnlyList<FootprintResult>> RunAsync(string bootstrap)
    {
        if (!File.Exists(bootstrap)) throw new FileNotFoundException($"The AOT bootstrap {bootstrap} is missing: publish it first.", bootstrap);
        if (!CgroupsAvailable) throw new InvalidOperationException($"Memory limits need root and a cgroup v1 memory controller at {CgroupRoot}.");
        var results = new List<FootprintResult>();
        foreach (var scenario in FootprintScenarios.All)
        {
            var (peak, warmMs) = await MeasureAsync(bootstrap, scenario, limitMb: null, warm: true);
            var limits = new List<(int, bool)>();
            foreach (var limit in LimitsMb)
            {
                var worked = await WorksUnderAsync(bootstrap, scenario, limit);
                limits.Add((limit, worked));
                if (!worked) break;
            }
            Console.WriteLine($"[footprint] {scenario.Handler} ({scenario.Work}): peak {peak / 1_048_576d:F1} MB, warm {warmMs:F1} ms, limits {string.Join(", ", limits.Select(l => $"{l.Item1} MB {(l.Item2 ? "ok" : "failed")}"))}");
            results.Add(new FootprintResult(scenario, peak, limits, warmMs));
        }
        return results;
    }

    private static async Task<bool> WorksUnderAsync(string bootstrap, FootprintScenario scenario, int limitMb)
    {
        try
        {
            await MeasureAsync(bootstrap, scenario, limitMb, warm: false);
            return true;
        }
        catch (FootprintRunFailedException ex)
        {
            Console.WriteLine($"[footprint] {scenario.Handler} under {limitMb} MB: {ex.Message.Split('\n')[0]}");
            return false;
        }
    }

    private static async Task<(long PeakRss, double WarmBilledMs)> MeasureAsync(string bootstrap, FootprintScenario scenario, int? limitMb, bool warm)
    {
        await using var aws = LoopbackAwsServer.Start();
        var variables = scenario.Arrange(aws);
        await using var runtimeApi = LoopbackRuntimeApi.Start();
        var cgroup = limitMb is { } mb ? CreateCgroup(mb) : null;
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(bootstrap)! };
        // Join the cgroup first, then become the bootstrap: its whole life counts against the limit.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(cgroup is null ? "exec \"$0\"" : $"echo $$ > {cgroup}/cgroup.procs && exec \"$0\"");
        info.ArgumentList.Add(bootstrap);
        info.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(scenario.Handler, runtimeApi.Address, Path.GetDirectoryName(bootstrap)!)) info.Environment[name] = value;
        foreach (var (name, value) in aws.EnvironmentVariables) info.Environment[name] = value;
        foreach (var (name, value) in variables) info.Environment[name] = value;
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
            var invocations = warm ? WarmInvocations : 1;
            for (var i = 0; i < invocations; i++)
            {
                var invocation = runtimeApi.Enqueue(scenario.Payload, TimeSpan.FromSeconds(60));
                var answered = invocation.WaitAsync(Patience);
                var finished = await Task.WhenAny(answered, process.WaitForExitAsync());
                if (finished != answered || answered.IsFaulted)
                    throw new FootprintRunFailedException($"no answer ({(process.HasExited ? $"the process exited with {process.ExitCode}" : "timed out")})\n{string.Join('\n', output)}");
                var outcome = await answered;
                if (outcome.IsError) throw new FootprintRunFailedException($"the invocation failed: {outcome}\n{string.Join('\n', output)}");
            }
            var peak = PeakRss(process.Id);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (peak, warm ? BilledWarmMilliseconds(output) : 0);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            if (cgroup is not null) RemoveCgroup(cgroup);
        }
    }

    /// <summary>The median logged durationMs of the warm invocations (the first, cold, one left out), rounded up as Lambda bills.</summary>
    private static double BilledWarmMilliseconds(IEnumerable<string> output)
    {
        var durations = output.Where(line => line.StartsWith('{') && line.Contains("\"Invocation succeeded\"", StringComparison.Ordinal))
            .Select(line => { using var document = JsonDocument.Parse(line); return document.RootElement.GetProperty("durationMs").GetDouble(); })
            .Skip(1).Order().ToList();
        return durations.Count == 0 ? throw new InvalidOperationException("No warm invocation was logged.") : Math.Ceiling(durations[durations.Count / 2]);
    }

    private static long PeakRss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string CreateCgroup(int limitMb)
    {
        var path = Path.Combine(CgroupRoot, $"configrules-footprint-{Environment.ProcessId}-{limitMb}");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "memory.limit_in_bytes"), (limitMb * 1_048_576L).ToString(CultureInfo.InvariantCulture));
        var swap = Path.Combine(path, "memory.memsw.limit_in_bytes");
        if (File.Exists(swap)) File.WriteAllText(swap, (limitMb * 1_048_576L).ToString(CultureInfo.InvariantCulture));
        return path;
    }

    private static void RemoveCgroup(string path)
    {
        // A cgroup can be removed once its processes are gone; the kill above waited for exit.
        Directory.Delete(path);
    }
}

/// <summary>A run that did not answer under its limit (killed by the OOM killer, or failed).</summary>
public sealed class FootprintRunFailedException(string message) : Exception(message);
