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
    private const string GnuTime = "/usr/bin/time";

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
        // GNU time reports the peak resident set from the kernel's own account at exit: nothing to poll.
        if (options.MeasureMemory && !File.Exists(GnuTime))
            throw new InvalidOperationException($"Measuring peak memory needs GNU time at {GnuTime} (Debian/Ubuntu package 'time').");
        var useGnuTime = options.MeasureMemory;
        var start = new ProcessStartInfo(useGnuTime ? GnuTime : Executable)
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
        long? peak = null;
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
