using System.Diagnostics;
using System.Text.Json;
using ConfigRules.Testing;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Support;

/// <summary>
/// Microsoft's SARIF validator (npm <c>@microsoft/sarif-multitool</c>, installed by the Cake build into
/// .tools/sarif-validation and passed as CONFIGRULES_SARIF_MULTITOOL), run with the SARIF specification's rules and
/// GitHub code scanning's ingestion rules.
/// </summary>
public static class SarifValidator
{
    private const string Variable = "CONFIGRULES_SARIF_MULTITOOL";

    /// <summary>The validator's executable. Under the Cake build it must exist; elsewhere the test is ignored when it does not.</summary>
    public static string Executable
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromBuild)
            {
                if (!File.Exists(fromBuild)) Assert.Fail($"{Variable}={fromBuild} does not exist: the build's InstallSarifValidator step did not install it.");
                return fromBuild;
            }
            var installed = RepositoryPaths.InRepo(".tools", "sarif-validation", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
            if (!File.Exists(installed))
                Assert.Ignore($"The SARIF validator is not installed ({installed}): `dotnet cake --target=Test` installs it, or set {Variable}.");
            return installed;
        }
    }

    /// <summary>Validates <paramref name="sarif"/>; returns every error and warning as "rule: message" lines.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string sarif)
    {
        var executable = Executable;
        var folder = Directory.CreateTempSubdirectory("configrules-sarif-");
        try
        {
            var input = Path.Combine(folder.FullName, "input.sarif");
            var report = Path.Combine(folder.FullName, "validation.sarif");
            await File.WriteAllTextAsync(input, sarif);
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                ArgumentList = { "validate", "--rule-kind", "Sarif;Gh", "--output", report, input },
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(cancellation.Token);
            var console = await stdout + await stderr;
            if (process.ExitCode != 0 || !File.Exists(report))
                return [$"the validator failed (exit {process.ExitCode}): {console}"];
            return ReadProblems(await File.ReadAllTextAsync(report), console);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Results whose level is error or warning (absent means warning), and tool notifications of those levels.</summary>
    private static List<string> ReadProblems(string report, string console)
    {
        using var document = JsonDocument.Parse(report);
        var problems = new List<string>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (run.TryGetProperty("results", out var results))
            {
                foreach (var result in results.EnumerateArray())
                {
                    var level = result.TryGetProperty("level", out var value) ? value.GetString() : "warning";
                    if (level is "error" or "warning") problems.Add($"{result.GetProperty("ruleId").GetString()} ({level}); console: {console}");
                }
            }
            if (!run.TryGetProperty("invocations", out var invocations)) continue;
            foreach (var invocation in invocations.EnumerateArray())
            {
                if (!invocation.TryGetProperty("toolExecutionNotifications", out var notifications)) continue;
                foreach (var notification in notifications.EnumerateArray())
                {
                    var level = notification.TryGetProperty("level", out var value) ? value.GetString() : "warning";
                    if (level is "error" or "warning") problems.Add($"tool notification ({level}): {notification}");
                }
            }
        }
        return problems;
    }
}
