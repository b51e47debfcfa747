using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Input;
using ConfigRules.Cli.Reporting;
using ConfigRules.CloudFormation;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Commands;

/// <summary>
/// <c>configrules check-template TEMPLATE...</c>: CloudFormation/SAM templates (files, folders, or <c>-</c>) mapped to
/// configuration items and judged by the same rules before deployment.
/// </summary>
internal static class CheckTemplateCommand
{
    private static readonly string[] TemplateExtensions = [".yaml", ".yml", ".json", ".template"];

    public static async Task<int> RunAsync(CliOptions options, CliConsole console, IReadOnlyList<IConfigRule> catalog, CancellationToken cancellationToken)
    {
        var rules = CommandSupport.SelectRules(options, catalog, console);
        var exemptions = ExemptionsLoader.Load(options.ExemptionsFile, catalog.Select(rule => rule.Definition));
        var problems = new List<InputProblem>();
        var files = InputFiles.Expand(options.Inputs,
            path => TemplateExtensions.Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase)), problems);

        // Each template's lookups answer from its own related resources (the roles it creates, web ACLs, alarms, trails): what a template
        // names by ARN exists outside it and cannot be known before deployment.
        var engine = new EvaluationEngine(rules, new RuleContext(CommandSupport.Now(options, console), RuleServices.Empty), exemptions);
        using var reporter = Reporters.For(options.Format, console);

        reporter.Begin(rules);
        foreach (var file in files)
        {
            try
            {
                var document = TemplateDocument.Load(file.Name, ReadText(file, console));
                if (!TemplateReader.LooksLikeTemplate(document) && !file.Explicit)
                {
                    console.StandardError.WriteLine($"configrules: {file.Name}: skipped, not a template (no Resources).");
                    continue;
                }
                var items = TemplateReader.Read(document);
                var related = new RelatedItems(rules, OfflineSource.Template);
                foreach (var templateItem in items) related.Add(templateItem.Item);
                engine.StartRun(related.Services);
                foreach (var templateItem in items)
                    await engine.EvaluateAsync(templateItem.Item, templateItem.Unknowns, reporter, cancellationToken);
            }
            catch (TemplateException ex)
            {
                problems.Add(new InputProblem(ex.File, ex.Line, ex.Problem));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new InputProblem(file.Name, null, $"cannot be read: {ex.Message}"));
            }
        }
        reporter.Complete(engine.Summary);
        return CommandSupport.Finish(console, problems, engine);
    }

    private static string ReadText(InputFile file, CliConsole console)
    {
        if (file.Path != InputFiles.StandardInput) return File.ReadAllText(file.Path);
        using var reader = new StreamReader(console.StandardInput());
        return reader.ReadToEnd();
    }
}
