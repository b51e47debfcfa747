using System.CommandLine;

namespace ConfigRules.Cli.CommandLine;

/// <summary>What the command line asks for: a command's checked options, or a built-in action (help, version, completions).</summary>
public sealed record ParsedCommandLine(CliOptions? Options, ParseResult? BuiltIn);

/// <summary>
/// Parses and checks the whole command line once. Every problem (unknown options with the likely meant one,
/// missing or malformed values, options that do not go together) is gathered into one <see cref="UsageException"/>,
/// so one correction fixes them all.
/// </summary>
public static class CliArgumentParser
{
    public static ParsedCommandLine Parse(IReadOnlyList<string> args)
    {
        var definition = new CommandLineDefinition();
        var result = definition.Root.Parse(args.Count == 0 ? ["--help"] : args);
        var command = result.CommandResult.Command;
        var problems = new List<string>();
        foreach (var token in UnknownOptions(result, definition, command))
            problems.Add(UnknownOption(token, command));
        foreach (var error in result.Errors)
        {
            if (!problems.Any(problem => error.Message.Contains($"'{TokenOf(problem)}'", StringComparison.Ordinal)))
                problems.Add(error.Message);
        }
        if (problems.Count == 0 && result.Action is not null) return new ParsedCommandLine(null, result);
        if (command == definition.Evaluate) CheckSources(result, definition, problems);
        if (problems.Count > 0) throw new UsageException(Describe(problems, command));
        return new ParsedCommandLine(ToOptions(result, definition, command), null);
    }

    private static CliOptions ToOptions(ParseResult result, CommandLineDefinition definition, Command command)
    {
        if (command == definition.Rules)
            return new CliOptions { Command = CliCommand.Rules, Format = ToFormat(result.GetValue(definition.RulesFormat)) };
        if (command == definition.ExemptionsCheck)
        {
            return new CliOptions
            {
                Command = CliCommand.ExemptionsCheck,
                Inputs = [result.GetValue(definition.ExemptionsFile)!],
                ExpiringWithinDays = result.GetValue(definition.ExpiringWithin),
                Now = result.GetValue(definition.Now),
            };
        }
        var evaluate = command == definition.Evaluate;
        return new CliOptions
        {
            Command = evaluate ? CliCommand.Evaluate : CliCommand.CheckTemplate,
            Inputs = result.GetValue(evaluate ? definition.Resources : definition.Templates) ?? [],
            PackFile = result.GetValue(definition.Pack),
            RuleIds = result.GetValue(definition.Rule) ?? [],
            Parameters = result.GetValue(definition.Param) ?? [],
            Format = ToFormat(result.GetValue(definition.Format)),
            Now = result.GetValue(definition.Now),
            ExemptionsFile = result.GetValue(definition.Exemptions),
            Live = evaluate && result.GetValue(definition.Live),
            Aggregator = evaluate ? result.GetValue(definition.Aggregator) : null,
            Region = evaluate ? result.GetValue(definition.Region) : null,
        };
    }

    private static OutputFormat ToFormat(string? text) => text switch
    {
        "json" => OutputFormat.Json,
        "sarif" => OutputFormat.Sarif,
        "html" => OutputFormat.Html,
        _ => OutputFormat.Table,
    };

    /// <summary>
    /// The sources of items go together one way: RESOURCES (files, folders, stdin, s3:// URIs), or --live, or
    /// --aggregator NAME. --region says where AWS is called, so it needs something that calls AWS.
    /// </summary>
    private static void CheckSources(ParseResult result, CommandLineDefinition definition, List<string> problems)
    {
        var live = result.GetValue(definition.Live);
        var aggregator = result.GetValue(definition.Aggregator);
        var resources = result.GetValue(definition.Resources) ?? [];
        if (live && aggregator is not null)
            problems.Add("--live and --aggregator cannot be combined: --live reads this account's recorded resources, --aggregator NAME those of every account and region of the aggregator.");
        if ((live || aggregator is not null) && resources.Length > 0)
            problems.Add($"{(live ? "--live" : "--aggregator")} reads the configuration items from AWS Config; RESOURCES ({resources[0]}{(resources.Length > 1 ? ", ..." : "")}) cannot be given with it.");
        if (aggregator is not null && string.IsNullOrWhiteSpace(aggregator))
            problems.Add("--aggregator takes the name of a Config aggregator (1 to 256 characters).");
        if (result.GetValue(definition.Region) is { } region)
        {
            if (!IsRegionName(region))
                problems.Add($"--region '{region}' is not a region name: expected lower-case letters, digits and hyphens such as us-east-1 or eu-west-2.");
            else if (!live && aggregator is null && !resources.Any(r => r.StartsWith("s3://", StringComparison.Ordinal)))
                problems.Add("--region says where AWS is called: it applies to --live, --aggregator and s3:// RESOURCES, and none is given.");
        }
    }

    private static bool IsRegionName(string region) =>
        region.Length is > 2 and <= 64 && region.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>
    /// Tokens that look like options but are none of the command's: the parser would otherwise take them as
    /// RESOURCES or TEMPLATE names. A lone "-" is stdin, not an option.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult result, CommandLineDefinition definition, Command command)
    {
        Argument? argument = command == definition.Evaluate ? definition.Resources
            : command == definition.CheckTemplate ? definition.Templates
            : null;
        // The tokens, not the value: a missing TEMPLATE makes the value unreadable, and that error is told apart.
        var arguments = argument is null ? null : result.GetResult(argument)?.Tokens.Select(token => token.Value);
        return result.UnmatchedTokens.Concat(arguments ?? [])
            .Where(token => token.Length > 1 && token[0] == '-')
            .Distinct(StringComparer.Ordinal);
    }

    private static string UnknownOption(string token, Command command)
    {
        var names = command.Options.Where(option => !option.Hidden).Select(option => option.Name).ToList();
        var name = token.Split('=', 2)[0];
        var likely = OptionParsers.Suggestions(name, names).FirstOrDefault();
        var hint = likely is null ? string.Empty : $" Did you mean {likely}?";
        return $"Unknown option '{token}' for {command.Name}.{hint} Accepted: {string.Join(", ", names)}.";
    }

    private static string TokenOf(string problem) =>
        problem.StartsWith("Unknown option '", StringComparison.Ordinal) ? problem["Unknown option '".Length..].Split('\'')[0] : "\0";

    private static string Describe(List<string> problems, Command command)
    {
        var help = command is RootCommand ? "configrules --help" : $"configrules {command.Name} --help";
        return problems.Count == 1
            ? $"{problems[0]}\nRun '{help}' for usage."
            : $"the command line has {problems.Count} problems:\n{string.Join('\n', problems.Select(p => "  - " + p))}\nRun '{help}' for usage.";
    }
}
