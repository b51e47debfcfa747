using System.Diagnostics;
using System.Text;

namespace ConfigRules.Sdk.Tests;

/// <summary>
/// Runs the dotnet CLI as a rule author would, in a clean environment: no MSBuild or NuGet variables of the test
/// run leak into it, so the author's NuGet.config alone decides where packages come from.
/// </summary>
internal static class DotNetProcess
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    public static async Task<Result> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var name in info.Environment.Keys.Where(IsBuildVariable).ToList()) info.Environment.Remove(name);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes} min:\n{output}");
        }
        lock (output) return new Result(process.ExitCode, output.ToString());
    }

    private static bool IsBuildVariable(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("NUGET_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase)
        || name is "DOTNET_HOST_PATH" or "MSBUILD_EXE_PATH";
}
