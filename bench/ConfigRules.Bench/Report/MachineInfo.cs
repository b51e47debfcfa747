using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ConfigRules.Bench.Report;

/// <summary>The machine the figures come from, read from /proc and the runtime.</summary>
public sealed record MachineInfo(int Processors, string Memory, string Cpu, string OperatingSystem, string Kernel, string Runtime, string Sdk, string Commit)
{
    /// <summary>The 1, 5 and 15 minute load averages (/proc/loadavg): other work on the machine during the run.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static MachineInfo Read(string repositoryRoot) => new(
        Environment.ProcessorCount,
        MemTotal(),
        FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        OsRelease(),
        File.Exists("/proc/sys/kernel/osrelease") ? "Linux " + File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        Command("dotnet", "--version", repositoryRoot) ?? "unknown",
        Command("git", "rev-parse --short HEAD", repositoryRoot) ?? "unknown");

    private static string MemTotal()
    {
        var text = FirstValue("/proc/meminfo", "MemTotal");
        if (text is null) return "unknown";
        var kilobytes = long.Parse(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
        return $"{kilobytes / 1_048_576d:F1} GiB";
    }

    private static string OsRelease()
    {
        const string path = "/etc/os-release";
        if (!File.Exists(path)) return RuntimeInformation.OSDescription;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.OSDescription : line["PRETTY_NAME=".Length..].Trim('"');
    }

    private static string? FirstValue(string path, string key)
    {
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string? Command(string file, string arguments, string workingDirectory)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory, UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // the tool is not installed: the report says "unknown"
        }
    }
}
