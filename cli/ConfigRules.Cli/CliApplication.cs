using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Commands;
using ConfigRules.Cli.Reporting;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules;

namespace ConfigRules.Cli;

/// <summary>Parses the command line and runs one command; returns the exit code. Tests call it in-process with their own console and rules.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, IReadOnlyList<IConfigRule>? rules = null, CancellationToken cancellationToken = default)
    {
        rules ??= RuleCatalog.All;
        try
        {
            var options = CliArgumentParser.Parse(args);
            switch (options.Command)
            {
                case CliCommand.Help:
                    await WriteAsync(console, Usage.Text + "\n");
                    return ExitCodes.Clean;
                case CliCommand.Version:
                    await WriteAsync(console, $"configrules {typeof(CliApplication).Assembly.GetName().Version?.ToString(3)}\n");
                    return ExitCodes.Clean;
                case CliCommand.Rules:
                    return RulesCommand.Run(options, console, rules.Count > 0 ? [.. rules.Select(r => r.Definition)] : RuleCatalog.Definitions);
                case CliCommand.CheckTemplate:
                    return await CheckTemplateCommand.RunAsync(options, console, rules, cancellationToken);
                default:
                    return await EvaluateCommand.RunAsync(options, console, rules, cancellationToken);
            }
        }
        catch (UsageException ex)
        {
            console.StandardError.WriteLine($"configrules: {ex.Message}");
            console.StandardError.WriteLine("Run 'configrules --help' for usage.");
            return ExitCodes.Error;
        }
    }

    private static async Task WriteAsync(CliConsole console, string text)
    {
        await console.StandardOutput.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));
        await console.StandardOutput.FlushAsync();
    }
}
