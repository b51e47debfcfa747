using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Input;
using ConfigRules.Cli.Reporting;
using ConfigRules.Cli.Selection;
using ConfigRules.CloudFormation;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Commands;

/// <summary>What evaluate and check-template share: choosing rules, the evaluation time, ending with an exit code.</summary>
internal static class CommandSupport
{
    public static IReadOnlyList<SelectedRule> SelectRules(CliOptions options, IReadOnlyList<IConfigRule> catalog, CliConsole console)
    {
        ConformancePack? pack = null;
        if (options.PackFile is { } packFile)
        {
            if (!File.Exists(packFile)) throw new UsageException($"--pack {packFile}: no such file.");
            try
            {
                pack = ConformancePack.Read(TemplateDocument.Load(packFile, File.ReadAllText(packFile)), catalog.Select(rule => rule.Definition));
            }
            catch (TemplateException ex)
            {
                throw new UsageException($"--pack {ex.Message}");
            }
            foreach (var warning in pack.Warnings) console.StandardError.WriteLine($"configrules: {warning}");
        }
        return new RuleSelector(catalog).Select(options, pack);
    }

    public static DateTimeOffset Now(CliOptions options, CliConsole console) => options.Now ?? console.Clock.GetUtcNow();

    /// <summary>
    /// Writes input problems and rule failures to stderr (after the report, so a bad file never hides the results of
    /// the good ones) and picks the exit code: 2 for any problem, else 1 for any NON_COMPLIANT, else 0.
    /// </summary>
    public static int Finish(CliConsole console, IReadOnlyList<InputProblem> problems, EvaluationEngine engine)
    {
        foreach (var problem in problems) console.StandardError.WriteLine($"configrules: {problem}");
        foreach (var failure in engine.RuleFailures) console.StandardError.WriteLine($"configrules: {failure}");
        var errors = problems.Count + engine.RuleFailures.Count;
        if (errors > 0)
        {
            console.StandardError.WriteLine($"configrules: {errors} problem(s); the results cover only what could be read and evaluated.");
            return ExitCodes.Error;
        }
        return engine.Summary.NonCompliant > 0 ? ExitCodes.NonCompliant : ExitCodes.Clean;
    }
}
