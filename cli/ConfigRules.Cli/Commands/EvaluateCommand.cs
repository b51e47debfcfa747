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
/// Related items: some rules read other resources (lambda-execution-role-check reads each function's IAM role), and
/// such an item may come anywhere in the input: after the function, in another file (IAM is global, so roles sit in
/// one region's snapshot), in any order. Two passes keep memory flat: a first pass parses only items whose own
/// resourceType is one the selected rules' lookups declare as related (a skim of the item's top-level properties
/// decides before parsing) and keeps what those lookups need, bounded by the related resources' count; the second
/// pass evaluates item by item. Buffering functions until their role shows up would instead grow with the input.
/// Stdin is spooled to a temporary file so it can be read twice. The first pass runs only when a selected rule
/// declares related resource types.
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
        if (related.Any) CollectRelated(files, opener, related);

        var engine = new EvaluationEngine(rules, new RuleContext(CommandSupport.Now(options, console), related.Services), exemptions);
        using var reporter = Reporters.For(options.Format, console);
        var progress = new ProgressLine(console.StandardError, console.ErrorIsTerminal, console.Clock);
        var totalBytes = files.Sum(file => File.Exists(file.Path) ? new FileInfo(file.Path).Length : 0);
        long doneBytes = 0, items = 0;

        reporter.Begin(rules);
        foreach (var file in files)
        {
            try
            {
                using var stream = opener.Open(file, out var raw);
                var reader = new ConfigurationItemStreamReader(stream, file.Name);
                while (reader.TryReadNext(out var read))
                {
                    if (read.Item is { } item) await engine.EvaluateAsync(item, null, reporter, cancellationToken);
                    else if (read.Problem is { } problem) problems.Add(problem);
                    if ((++items & 0xFF) == 0) progress.Report(doneBytes + SafePosition(raw), totalBytes, items);
                }
                doneBytes += SafePosition(raw);
            }
            catch (InputException ex)
            {
                problems.Add(ex.Problem);
            }
            catch (IOException ex)
            {
                problems.Add(new InputProblem(file.Name, null, $"cannot be read: {ex.Message}"));
            }
            catch (UnauthorizedAccessException ex)
            {
                problems.Add(new InputProblem(file.Name, null, $"cannot be read: {ex.Message}"));
            }
        }
        await engine.EvaluateAccountsAsync(reporter, cancellationToken);
        progress.Clear();
        reporter.Complete(engine.Summary);
        return CommandSupport.Finish(console, problems, engine);
    }

    /// <summary>First pass: the related items of the whole input. Problems are left to the second pass, which reports each once.</summary>
    private static void CollectRelated(IReadOnlyList<InputFile> files, InputOpener opener, RelatedItems related)
    {
        foreach (var file in files)
        {
            try
            {
                using var stream = opener.Open(file, out _);
                var reader = new ConfigurationItemStreamReader(stream, file.Name, related.MayBeRelated);
                while (reader.TryReadNext(out var read))
                {
                    if (read.Item is { } item) related.Add(item);
                }
            }
            catch (Exception ex) when (ex is InputException or IOException or UnauthorizedAccessException)
            {
                // Reported by the evaluation pass, which reads the same file and meets the same problem.
            }
        }
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

    private static long SafePosition(Stream raw) => raw.CanSeek ? raw.Position : 0;
}
