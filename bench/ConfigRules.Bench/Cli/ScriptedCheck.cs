using System.Diagnostics;

namespace ConfigRules.Bench.Cli;

/// <summary>A general-purpose tool doing one rule's check on the same file, or why it was not run.</summary>
public sealed record ScriptedRun(string Tool, string Command, ProcessMeasurement? Measurement, string? NotRun);

/// <summary>
/// lambda-timeout-check's test (a function's timeout outside 1..300 s, the rule's defaults) written as people write
/// it without the CLI: with <c>jq</c>, and with <c>python3</c> and <c>json.load</c>. Both load the whole document, which
/// is how these tools read JSON. Each prints the number of non-compliant functions.
/// </summary>
public static class ScriptedCheck
{
    public const string JqProgram =
        "[.configurationItems[] | select(.resourceType == \"AWS::Lambda::Function\") | select(.configuration.timeout > 300 or .configuration.timeout < 1)] | length";

    public const string PythonProgram =
        "import json,sys\n" +
        "d=json.load(open(sys.argv[1]))\n" +
        "print(sum(1 for i in d['configurationItems'] if i.get('resourceType')=='AWS::Lambda::Function' and not 1<=(i.get('configuration') or {}).get('timeout',0)<=300))\n";

    public static ScriptedRun Jq(string file, string workingDirectory) =>
        Run("jq", Find("jq"), tool => [tool, JqProgram, file], workingDirectory);

    public static ScriptedRun Python(string file, string workingDirectory) =>
        Run("python3 json.load", PythonExecutable(), tool => [tool, "-c", PythonProgram, file], workingDirectory);

    private static ScriptedRun Run(string name, string? executable, Func<string, string[]> command, string workingDirectory)
    {
        if (executable is null) return new ScriptedRun(name, "", null, "not installed on this machine");
        var argv = command(executable);
        var measurement = MeasuredProcess.Run(argv[0], argv[1..], workingDirectory);
        if (measurement.ExitCode != 0)
            return new ScriptedRun(name, string.Join(' ', argv[1..]), null, $"exited with {measurement.ExitCode}: {measurement.StandardError.Trim()}");
        return new ScriptedRun(name, Path.GetFileName(executable), measurement, null);
    }

    /// <summary>The interpreter itself (a pyenv shim is a script: its memory would be the shell's).</summary>
    private static string? PythonExecutable()
    {
        if (Find("python3") is not { } shim) return null;
        using var process = Process.Start(new ProcessStartInfo(shim, ["-c", "import sys; print(sys.executable)"]) { RedirectStandardOutput = true });
        var path = process!.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 && File.Exists(path) ? path : null;
    }

    private static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);
}
