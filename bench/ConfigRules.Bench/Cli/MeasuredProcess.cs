using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ConfigRules.Bench.Cli;

/// <summary>What one finished child process cost: wall time, peak resident set (the kernel's VmHWM) and exit code.</summary>
public sealed record ProcessMeasurement(TimeSpan Wall, long PeakRssBytes, int ExitCode, string StandardError);

/// <summary>
/// Starts a command with its output sent to /dev/null (or a file), samples its peak RSS and waits for it with
/// <c>wait4</c>. The peak is the kernel's own high-water mark (VmHWM in /proc/PID/status), read every 2 ms while
/// the command runs: a mark, so a sample taken any time after the peak still sees it. wait4's ru_maxrss cannot be
/// used: posix_spawn's child shares this process's memory until exec, and the kernel carries that high-water
/// mark (this suite's own RSS) into the child's ru_maxrss. The command runs through <c>/bin/sh -c 'exec ...'</c>
/// only to redirect its streams; exec replaces the shell, and only samples of the command itself count.
/// </summary>
public static partial class MeasuredProcess
{
    public static ProcessMeasurement Run(string executable, IReadOnlyList<string> arguments, string workingDirectory, string standardOutput = "/dev/null")
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("Peak RSS is read with wait4, which this suite uses on Linux only.");
        var stderrPath = Path.Combine(Path.GetTempPath(), $"configrules-bench-{Guid.NewGuid():N}.stderr");
        // The four leading positionals are shifted away so that "$@" is the command's own arguments.
        string[] argv =
        [
            "/bin/sh", "-c", "dir=$1; out=$2; err=$3; exe=$4; shift 4; cd \"$dir\" && exec \"$exe\" \"$@\" >\"$out\" 2>\"$err\"",
            "sh", workingDirectory, standardOutput, stderrPath, executable, .. arguments,
        ];

        var stopwatch = Stopwatch.StartNew();
        var pid = Spawn(argv);
        using var done = new CancellationTokenSource();
        var sampler = Task.Factory.StartNew(() => SamplePeakKb(pid, Path.GetFileName(executable), done.Token), TaskCreationOptions.LongRunning);
        var status = Wait(pid);
        stopwatch.Stop();
        done.Cancel();
        var peakKb = sampler.GetAwaiter().GetResult();

        var stderr = File.Exists(stderrPath) ? File.ReadAllText(stderrPath) : string.Empty;
        File.Delete(stderrPath);
        var exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
        if (peakKb == 0) throw new InvalidOperationException($"{executable} ended before its memory could be sampled (exit code {exitCode}): {stderr.Trim()}");
        return new ProcessMeasurement(stopwatch.Elapsed, peakKb * 1_024, exitCode, stderr);
    }

    /// <summary>The largest VmHWM seen in /proc/PID/status while the process runs as <paramref name="name"/> (after exec).</summary>
    private static long SamplePeakKb(int pid, string name, CancellationToken done)
    {
        var statusPath = $"/proc/{pid}/status";
        var comm = name.Length > 15 ? name[..15] : name; // the kernel keeps 15 characters of the name
        long peak = 0;
        while (!done.IsCancellationRequested)
        {
            try
            {
                string? processName = null;
                foreach (var line in File.ReadLines(statusPath))
                {
                    if (line.StartsWith("Name:", StringComparison.Ordinal)) processName = line[5..].Trim();
                    else if (line.StartsWith("VmHWM:", StringComparison.Ordinal) && processName == comm)
                        peak = Math.Max(peak, long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The process is exiting (or gone) between two samples: the last mark read stands.
            }
            Thread.Sleep(2);
        }
        return peak;
    }

    private static int Spawn(string[] argv)
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => $"{e.Key}={e.Value}").ToArray();
        var argvPointers = ToNativeArray(argv);
        var envPointers = ToNativeArray(environment);
        try
        {
            var error = PosixSpawn(out var pid, argv[0], IntPtr.Zero, IntPtr.Zero, argvPointers, envPointers);
            if (error != 0) throw new InvalidOperationException($"posix_spawn of {argv[0]} failed with errno {error}.");
            return pid;
        }
        finally
        {
            FreeNativeArray(argvPointers);
            FreeNativeArray(envPointers);
        }
    }

    private static int Wait(int pid)
    {
        while (true)
        {
            var result = Wait4(pid, out var status, 0, out _);
            if (result == pid) return status;
            var errno = Marshal.GetLastPInvokeError();
            if (errno != 4) throw new InvalidOperationException($"wait4({pid}) failed with errno {errno}."); // 4: EINTR, wait again
        }
    }

    private static IntPtr[] ToNativeArray(string[] values)
    {
        var pointers = new IntPtr[values.Length + 1];
        for (var i = 0; i < values.Length; i++) pointers[i] = Marshal.StringToCoTaskMemUTF8(values[i]);
        return pointers;
    }

    private static void FreeNativeArray(IntPtr[] pointers)
    {
        foreach (var pointer in pointers) if (pointer != IntPtr.Zero) Marshal.FreeCoTaskMem(pointer);
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs, ru_maxrss (KB) first.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss;
        public long IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
    }

    [LibraryImport("libc", EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int PosixSpawn(out int pid, string path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [LibraryImport("libc", EntryPoint = "wait4", SetLastError = true)]
    private static partial int Wait4(int pid, out int status, int options, out ResourceUsage usage);
}
