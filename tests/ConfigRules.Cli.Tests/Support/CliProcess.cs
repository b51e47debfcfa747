using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ConfigRules.Testing;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Support;

/// <summary>
/// Runs the published executable (CONFIGRULES_CLI, else artifacts/cli/configrules) as a process, as users do.
/// Optionally measures its peak resident set: with GNU time where it exists, else by sampling VmHWM.
/// </summary>
public static partial class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Executable
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("CONFIGRULES_CLI") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : RepositoryPaths.InRepo("artifacts", "cli", "configrules");
            if (!File.Exists(path))
                Assert.Fail($"The published CLI {path} is missing: run `dotnet cake --target=Test` (it publishes the CLI before testing), or set CONFIGRULES_CLI.");
            return path;
        }
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new CliProcessOptions(), args);

    public static async Task<CliRun> RunAsync(CliProcessOptions options, params string[] args)
    {
        var useGnuTime = options.MeasureMemory && File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(useGnuTime ? "/usr/bin/time" : Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? Fixtures.Root,
        };
        if (useGnuTime)
        {
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add(Executable);
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("NO_COLOR");
        foreach (var (key, value) in options.Environment) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The CLI did not start.");
        var stdout = options.DiscardOutput ? CountAsync(process.StandardOutput) : process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var sampler = options.MeasureMemory && !useGnuTime ? SamplePeakAsync(process) : Task.FromResult<long?>(null);
        if (options.StandardInputFile is { } inputFile)
        {
            await using var source = File.OpenRead(inputFile);
            await source.CopyToAsync(process.StandardInput.BaseStream);
        }
        else if (options.StandardInput is { } input) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();

        using var cancellation = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cancellation.Token);
        var error = await stderr;
        long? peak = await sampler;
        if (useGnuTime)
        {
            var match = MaxRss().Match(error);
            if (match.Success) peak = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var cut = error.IndexOf("\tCommand being timed:", StringComparison.Ordinal);
            if (cut >= 0) error = error[..cut];
        }
        return new CliRun(process.ExitCode, await stdout, error, peak);
    }

    private static async Task<string> CountAsync(StreamReader reader)
    {
        var buffer = new char[64 * 1024];
        long total = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0) total += read;
        return $"({total} characters discarded)";
    }

    /// <summary>VmHWM is the process's own peak; sampling it often and keeping the largest value loses little.</summary>
    private static async Task<long?> SamplePeakAsync(Process process)
    {
        long? peak = null;
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status))
                {
                    if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                    var kb = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    peak = Math.Max(peak ?? 0, kb);
                }
            }
            catch (IOException)
            {
                break; // the process ended between the check and the read
            }
            await Task.Delay(10);
        }
        return peak;
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();
}

public sealed record CliProcessOptions
{
    public string? StandardInput { get; init; }
    public string? StandardInputFile { get; init; }
    public string? WorkingDirectory { get; init; }
    public bool MeasureMemory { get; init; }
    public bool DiscardOutput { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
