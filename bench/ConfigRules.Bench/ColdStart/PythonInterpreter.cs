using System.Diagnostics;

namespace ConfigRules.Bench.ColdStart;

/// <summary>
/// The python3 interpreter itself: the function runs with Lambda's clean environment, in which a version manager's
/// shim on PATH would not work, so the suite asks python3 for its own executable once.
/// </summary>
internal static class PythonInterpreter
{
    public static (string? Executable, string? Missing) Find()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", ["-c", "import sys; print(sys.executable)"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var executable = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && File.Exists(executable)
                ? (executable, null)
                : (null, $"python3 answered exit code {process.ExitCode} and '{executable}' instead of its executable");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (null, $"no python3 on PATH ({ex.Message})");
        }
    }
}
