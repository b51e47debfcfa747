using System.CommandLine;

namespace ConfigRules.Cli.CommandLine;

/// <summary>
/// The contract's command line (CONTRACT section 4) as System.CommandLine symbols: generated help, typo suggestions,
/// shell completion (the <c>[suggest]</c> directive) and response files (<c>@file</c>) come with it.
/// </summary>
internal sealed class CommandLineDefinition
{
    public CommandLineDefinition()
    {
        Rule.Arity = ArgumentArity.OneOrMore;
        Param.Arity = ArgumentArity.OneOrMore;
        Format.AcceptOnlyFromAmong(EvaluationFormats);
        RulesFormat.AcceptOnlyFromAmong(ListingFormats);

        Evaluate = new Command("evaluate", "Judge configuration items: files, folders (recursive), s3://bucket/key or s3://bucket/prefix/ objects, or - (stdin) holding S3 snapshot or history files (also .json.gz), select-resource-config, get-resource-config-history or batch-get-resource-config output, one item, an array or NDJSON; or the account (--live) or an aggregator's accounts and regions (--aggregator) read from AWS Config. Without any: a bundled sample account.")
        {
            Resources, Live, Aggregator, Region,
        };
        CheckTemplate = new Command("check-template", "Judge CloudFormation and SAM templates (YAML or JSON) before deployment; the resource id is the logical id.")
        {
            Templates,
        };
        foreach (var command in new[] { Evaluate, CheckTemplate })
        {
            foreach (var option in new Option[] { Pack, Rule, Param, Exemptions, Format, Now }) command.Options.Add(option);
        }
        Rules = new Command("rules", "List the rules with their parameters and defaults, and whether each may be exempted.") { RulesFormat };
        ExpiringWithin.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0) result.AddError("--expiring-within takes a number of days, 0 or more.");
        });
        ExemptionsCheck = new Command("check", "Validate an exemptions document and list the entries that expire within the window or have expired. Exit codes: 0 valid and nothing expiring, 1 something expiring or expired, 2 invalid.")
        {
            ExemptionsFile, ExpiringWithin, Now,
        };
        var exemptions = new Command("exemptions", "Work with the governed exemptions document.") { ExemptionsCheck };

        Root = new RootCommand("configrules: run the ConfigRules AWS Config rules on recorded items (files, S3, an account or an aggregator read from AWS Config) and on templates. Exit codes: 0 nothing NON_COMPLIANT, 1 something NON_COMPLIANT, 2 usage or input error.")
        {
            Evaluate, CheckTemplate, Rules, exemptions,
        };
    }

    public static readonly string[] EvaluationFormats = ["table", "json", "sarif", "html"];
    public static readonly string[] ListingFormats = ["table", "json"];

    public RootCommand Root { get; }
    public Command Evaluate { get; }
    public Command CheckTemplate { get; }
    public Command Rules { get; }
    public Command ExemptionsCheck { get; }

    public Argument<string> ExemptionsFile { get; } = new("FILE") { Description = "The exemptions document (YAML or JSON)." };

    public Option<string> Exemptions { get; } = new("--exemptions")
    {
        Description = "Apply a governed exemptions document (YAML or JSON): exempted resources are NOT_APPLICABLE.",
        HelpName = "FILE",
    };

    public Option<int> ExpiringWithin { get; } = new("--expiring-within")
    {
        Description = "List entries whose last day is within this many days from today (0: today), and expired ones.",
        HelpName = "DAYS",
        DefaultValueFactory = _ => 0,
    };

    public Argument<string[]> Resources { get; } = new("RESOURCES")
    {
        Description = "Files, folders, s3://bucket/key, s3://bucket/prefix/ or - (stdin). None: the bundled sample account.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Argument<string[]> Templates { get; } = new("TEMPLATE")
    {
        Description = "Template files or folders, or - (stdin).",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<bool> Live { get; } = new("--live") { Description = "Read the account's recorded resources of the selected rules' types from AWS Config (ListDiscoveredResources, BatchGetResourceConfig); the rules' lookups call AWS. Read-only." };
    public Option<string> Aggregator { get; } = new("--aggregator") { Description = "Read every account and region of a Config aggregator (ListAggregateDiscoveredResources, BatchGetAggregateResourceConfig). Read-only.", HelpName = "NAME" };
    public Option<string> Region { get; } = new("--region") { Description = "The region AWS is called in for --live, --aggregator and s3:// RESOURCES (default: AWS_REGION, else AWS_DEFAULT_REGION).", HelpName = "REGION" };
    public Option<string> Pack { get; } = new("--pack") { Description = "Use a conformance pack's rules and InputParameters.", HelpName = "FILE" };
    public Option<string[]> Rule { get; } = new("--rule") { Description = "Run this rule (repeatable; default: every rule).", HelpName = "ID" };

    public Option<ParameterOverride[]> Param { get; } = new("--param")
    {
        Description = "Set a rule parameter (repeatable).",
        HelpName = "RULE.NAME=VALUE",
        CustomParser = OptionParsers.ParameterOverrides,
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Output format.",
        HelpName = "table|json|sarif|html",
        DefaultValueFactory = _ => "table",
    };

    public Option<string> RulesFormat { get; } = new("--format")
    {
        Description = "Output format.",
        HelpName = "table|json",
        DefaultValueFactory = _ => "table",
    };

    public Option<DateTimeOffset?> Now { get; } = new("--now")
    {
        Description = "The evaluation time, ISO-8601 (default: now).",
        HelpName = "ISO-8601",
        CustomParser = OptionParsers.Now,
    };
}
