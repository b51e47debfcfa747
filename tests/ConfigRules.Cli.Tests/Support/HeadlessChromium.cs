using System.Diagnostics;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Support;

/// <summary>
/// Debian's chromium, headless, to render the HTML report as a browser does (scripts run) and read back the DOM.
/// The Cake build installs it and passes CONFIGRULES_CHROMIUM; elsewhere the test is ignored when it is missing.
/// Every background feature that could reach the network is off; each run gets a fresh profile.
/// </summary>
public static class HeadlessChromium
{
    private const string Variable = "CONFIGRULES_CHROMIUM";
    private const string Installed = "/usr/bin/chromium";

    public static string Executable
    {
        get
        {
            if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromBuild)
            {
                if (!File.Exists(fromBuild)) Assert.Fail($"{Variable}={fromBuild} does not exist: the build's InstallChromium step did not install it.");
                return fromBuild;
            }
            if (!File.Exists(Installed))
                Assert.Ignore($"Chromium is not installed ({Installed}): `dotnet cake --target=Test` installs Debian's chromium, or set {Variable}.");
            return Installed;
        }
    }

    /// <summary>The page's DOM after its scripts ran, as HTML text.</summary>
    public static async Task<string> DumpDomAsync(string page, string fragment = "")
    {
        var executable = Executable;
        var profile = Directory.CreateTempSubdirectory("configrules-chromium-");
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", $"--user-data-dir={profile.FullName}", "--dump-dom",
                         new Uri(Path.GetFullPath(page)).AbsoluteUri + fragment,
                     })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(cancellation.Token);
            var dom = await stdout;
            if (process.ExitCode != 0 || dom.Length == 0)
                Assert.Fail($"chromium exited {process.ExitCode} without a page: {await stderr}");
            return dom;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
