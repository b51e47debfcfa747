using System.CommandLine;
using System.Text;
using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Commands;
using ConfigRules.Cli.Reporting;
using ConfigRules.Framework.Exemptions;
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
            var parsed = CliArgumentParser.Parse(args);
            if (parsed.BuiltIn is { } builtIn) return await RunBuiltInAsync(builtIn, console, cancellationToken);
            var options = parsed.Options!;
            return options.Command switch
            {
                CliCommand.Rules => RulesCommand.Run(options, console, rules.Count > 0 ? [.. rules.Select(r => r.Definition)] : RuleCatalog.Definitions),
                CliCommand.ExemptionsCheck => ExemptionsCheckCommand.Run(options, console, [.. rules.Select(r => r.Definition)]),
                CliCommand.CheckTemplate => await CheckTemplateCommand.RunAsync(options, console, rules, cancellationToken),
                _ => await EvaluateCommand.RunAsync(options, console, rules, cancellationToken),
            };
        }
        catch (UsageException ex)
        {
            console.StandardError.WriteLine($"configrules: {ex.Message}");
            return ExitCodes.Error;
        }
        catch (InvalidExemptionsException ex)
        {
            // Names the file and every problem with its line; nothing is evaluated with a document that is not valid.
            console.StandardError.WriteLine($"configrules: {ex.Message}");
            return ExitCodes.Error;
        }
    }

    /// <summary>Help, version and completions: System.CommandLine writes them; they succeed with exit code 0.</summary>
    private static async Task<int> RunBuiltInAsync(ParseResult builtIn, CliConsole console, CancellationToken cancellationToken)
    {
        await using var output = new StreamWriter(console.StandardOutput, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" };
        var code = await builtIn.InvokeAsync(new InvocationConfiguration { Output = output, Error = console.StandardError }, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return code == 0 ? ExitCodes.Clean : ExitCodes.Error;
    }
}
