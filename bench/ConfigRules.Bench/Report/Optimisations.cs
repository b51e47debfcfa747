namespace ConfigRules.Bench.Report;

/// <summary>
/// Changes the measurements justified, with what each bought. The figures were measured on this machine by
/// this suite immediately before and after the change (the commit says which); the tables above are this run's.
/// </summary>
public static class Optimisations
{
    public sealed record Entry(string Change, string Where, string Bought);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("`invokingEvent` unescaped straight from the payload to UTF-8 (`Utf8StringContentConverter`), instead of a .NET string " +
            "(UTF-16, twice the size) that was then encoded back to UTF-8 for parsing",
            "shared/ConfigRules.Framework: Json/ConfigRuleEventDocument.cs, Events/ConfigRuleEventParser.cs (commit 25fc3d6)",
            "Allocated per 1 MB invocation 5,964 KB → 3,916 KB (−2.0 MB, −34%); per typical invocation 31.4 KB → 27.4 KB (−13%); " +
            "parsing alone: 5,946 KB → 3,897 KB and 13.0 KB → 9.0 KB. Time within the noise of a shared machine."),
        new("Periodic runs start each batch (BatchGetResourceConfig, judge, PutEvaluations) as soon as 100 keys are listed, through a " +
            "bounded channel into the same bounded Parallel.ForEachAsync, instead of after the last ListDiscoveredResources page",
            "shared/ConfigRules.Framework: Pipeline/RuleInvocationPipeline.cs (commit 4ef98b1)",
            "10,000 functions with 20 ms per call: 9.8 s → 8.1 s (median of 3 runs each, alternating old and new builds, −18%): the 100 " +
            "sequential list pages now overlap the batches. No gain on the loopback endpoint without latency, where the fake account's own " +
            "work saturates the two cores."),
        new("The role pass (lambda-execution-role-check) skims each item's top-level properties for `resourceType` with a Utf8JsonReader, skipping nested values, instead of a raw-text search for `AWS::IAM::Role` that every function passed (each names its role in `relationships`) and then parsed in full",
            "cli/ConfigRules.Cli: Engine/InputLookups.cs (RoleIndex.MayBeRole) (commit a3a960d)",
            "100,000 items, full rule set: 58.2 → 66.6 MB/s (this suite, --only cli). The first pass now costs about 19% of the run (one tokenization to find item boundaries and one skim), where it parsed every item before."),
        new("The JSON report encodes what repeats once: property names, rule names, resource and compliance types as JsonEncodedText, and the ordering timestamp (the same for every rule of an item) formatted to UTF-8 only when it changes, instead of a new string per evaluation",
            "cli/ConfigRules.Cli: Reporting/JsonReporter.cs, Reporting/IReporter.cs (commit ad98bd2)",
            "100,000 items, full rule set: 63.8 → 75.9 MB/s (median of 3 runs each, old and new builds alternating, on a loaded machine: load average 10 on 2 cores). Output byte-identical. Writing the report fell from 17.5% to 10.3% of the run (perf profile)."),
        new("The CLI reads in one pass on every core: a reader thread splits items (Utf8JsonReader, nothing decoded), workers parse each " +
            "item once into the JsonDocument the rules read (instead of deserializing it and copying and re-tokenizing its configuration), " +
            "judge and render the JSON report in fragments the main thread writes in input order; rules with lookups judge at the end from " +
            "items kept as 32-byte offsets in a temporary file, instead of a first pass over the whole input for the related items",
            "cli/ConfigRules.Cli: Engine/ParallelEvaluation.cs, Engine/BatchReader.cs, Engine/WaitingItems.cs, Input/ConfigurationItemParser.cs, Reporting/JsonReporter.cs",
            "100,000 items (old and new published builds alternating, 2 runs each, load average about 20 on 2 cores): one rule " +
            "(lambda-timeout-check) 1.70 to 2.11 s → 1.21 to 1.48 s of CPU (−28%), 3.5 to 12.7 s → 2.9 to 6.2 s wall; every rule 6.4 to 8.4 s → 6.3 to 7.7 s " +
            "of CPU, 23.1 to 35.0 s → 13.3 to 28.1 s wall. Keeping waiting items as offsets rather than copies took the temporary file's writes from about " +
            "10% of the run's CPU to nothing measurable (perf). The table report byte-identical, the HTML report too but for its time of writing; JSON and SARIF the same results, those of rules with lookups after the others."),
        new("Rules with lookups judge each item as it is read, with the related items known so far; offline indexes report every " +
            "answer with its version (`LookupReads`, `KeyedItemIndex`), the rendered findings wait with those reads, and at the end only " +
            "items whose answers changed are read and judged again, instead of every waiting item read from the input a second time and " +
            "judged at the end. With it: the CLI's parser matches property names by length first and reuses the repeated top-level " +
            "strings; items share empty tags and supplementary values",
            "cli/ConfigRules.Cli: Engine/JudgingAhead.cs, Engine/WaitingItems.cs, Engine/RelatedItems.cs, Input/ConfigurationItemParser.cs; " +
            "shared/ConfigRules.Framework: Rules/LookupReads.cs, Rules/RelatedItemIndex.cs, Rules/KeyedItemIndex.cs, Rules/RunMemo.cs",
            "100,000 items, every rule (the published builds before and after alternating, 3 runs each, load average about 6 on 2 cores): " +
            "3.26 to 3.46 s → 2.65 to 2.67 s of CPU (−20%), 3.41 to 3.87 s → 2.85 to 3.07 s wall; of the 99,000 waiting items 94,155 keep " +
            "the findings judged ahead (their role had come before them) and 4,845 are read again. One rule (no lookups): 1.04 to 1.07 s → " +
            "0.97 to 1.06 s of CPU. JSON output byte-identical."),
    ];
}
