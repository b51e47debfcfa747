using System.Text;
using ConfigRules.Cli.Reporting;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Tests.Support;

/// <summary>Runs the CLI in this process with a console of memory streams, and rules of the test's choosing.</summary>
public static class InProcessCli
{
    public static async Task<CliRun> RunAsync(IReadOnlyList<IConfigRule> rules, string? standardInput, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var console = new CliConsole
        {
            StandardOutput = output,
            StandardError = error,
            StandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput ?? string.Empty)),
        };
        var code = await CliApplication.RunAsync(args, console, rules);
        return new CliRun(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(TestRules.All, null, args);
}
