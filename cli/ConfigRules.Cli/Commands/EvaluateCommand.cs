using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Input;
using ConfigRules.Cli.Reporting;
using ConfigRules.Cli.Selection;
using ConfigRules.Cli.Sources;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Commands;

/// <summary>
/// <c>configrules evaluate [RESOURCES...]</c>: configuration items from files, folders, S3 objects and stdin, or the
/// bundled sample account when none are given; --live and --aggregator read them from AWS Config instead
/// (<see cref="AwsSourceEvaluation"/>).
/// </summary>
/// <remarks>
/// One pass over the input, on every core (<see cref="ParallelEvaluation"/>): each item is parsed once and judged by
/// the rules that need nothing else. Related items (an IAM role, a web ACL, an alarm) may come anywhere in the input:
/// after the items that need them, in another file (IAM is global, so roles sit in one region's snapshot), in any
/// order. They feed the lookups' indexes as they are met, and the rules that read them judge at the end, from items
/// kept meanwhile on disk, not in memory, so memory stays flat however large the input.
/// </remarks>
internal static class EvaluateCommand
{
    public const string SampleName = "configrules:sample-account.json";
    public const string SampleResource = "ConfigRules.Cli.Samples.sample-account.json";

    public static async Task<int> RunAsync(CliOptions options, CliConsole console, IReadOnlyList<IConfigRule> catalog, CancellationToken cancellationToken)
    {
        var rules = CommandSupport.SelectRules(options, catalog, console);
        var exemptions = ExemptionsLoader.Load(options.ExemptionsFile, catalog.Select(rule => rule.Definition));
        if (AwsSourceEvaluation.Requested(options)) return await AwsSourceEvaluation.RunAsync(options, console, rules, exemptions, cancellationToken);
        var problems = new List<InputProblem>();
        var s3 = new S3Inputs(new CliAws(options.Region));
        var files = options.Inputs.Count == 0
            ? [new InputFile(SampleName, InputOpener.EmbeddedPrefix + SampleResource, true)]
            : InputFiles.Expand(options.Inputs, _ => true, problems, s3);
        using var opener = new InputOpener(console.StandardInput, s3);
        files = SkipNonJsonFound(files, opener, console, problems);

        var related = new RelatedItems(rules, OfflineSource.RecordedItems);
        var engine = new EvaluationEngine(rules, new RuleContext(CommandSupport.Now(options, console), related.Services), exemptions);
        using var reporter = Reporters.For(options.Format, console);
        var progress = new ProgressLine(console.StandardError, console.ErrorIsTerminal, console.Clock);
        var inputs = files.Select(file => new JsonInput(file.Name, () =>
        {
            var content = opener.Open(file, out var raw);
            return new OpenedInput(content, raw);
        }, File.Exists(file.Path) ? new FileInfo(file.Path).Length : null)).ToList();

        reporter.Begin(rules);
        var started = console.Clock.GetTimestamp();
        using var evaluation = new ParallelEvaluation(engine, related, reporter, Environment.ProcessorCount)
        {
            Progress = (done, total, items) => progress.Report(done, total, items),
            Times = StageTimes.FromEnvironment(),
        };
        problems.AddRange(evaluation.Run(inputs, cancellationToken));
        await engine.EvaluateAccountsAsync(reporter, cancellationToken);
        progress.Clear();
        reporter.Complete(engine.Summary);
        evaluation.Times?.Report(console.StandardError, console.Clock.GetElapsedTime(started), evaluation.Items, evaluation.Waited, evaluation.KeptAhead);
        return CommandSupport.Finish(console, problems, engine);
    }

    /// <summary>Files found in folders that are not JSON (a README beside snapshots) are skipped with a notice; named files are always read.</summary>
    private static List<InputFile> SkipNonJsonFound(IReadOnlyList<InputFile> files, InputOpener opener, CliConsole console, List<InputProblem> problems)
    {
        var kept = new List<InputFile>(files.Count);
        foreach (var file in files)
        {
            if (file.Explicit) { kept.Add(file); continue; }
            try
            {
                if (opener.FirstByte(file) is (byte)'{' or (byte)'[') kept.Add(file);
                else console.StandardError.WriteLine($"configrules: {file.Name}: skipped, not JSON (or gzip of JSON).");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                problems.Add(new InputProblem(file.Name, null, $"cannot be read: {ex.Message}"));
            }
        }
        return kept;
    }

}
