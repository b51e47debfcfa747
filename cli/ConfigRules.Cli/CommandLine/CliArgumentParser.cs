using System.Globalization;

namespace ConfigRules.Cli.CommandLine;

/// <summary>
/// Parses <c>configrules COMMAND [INPUTS...] [OPTIONS]</c> by hand: a handful of options, no reflection, nothing
/// for Native AOT to trim away. Options take their value as the next argument or after <c>=</c>; <c>--</c>
/// ends the options; <c>-</c> is an input (stdin).
/// </summary>
public static class CliArgumentParser
{
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) return new CliOptions { Command = CliCommand.Help };
        var command = args[0] switch
        {
            "evaluate" => CliCommand.Evaluate,
            "check-template" => CliCommand.CheckTemplate,
            "rules" => CliCommand.Rules,
            "help" or "--help" or "-h" => CliCommand.Help,
            "--version" or "version" => CliCommand.Version,
            _ => throw new UsageException($"Unknown command '{args[0]}': expected evaluate, check-template or rules."),
        };
        if (command is CliCommand.Help or CliCommand.Version) return new CliOptions { Command = command };

        var inputs = new List<string>();
        var ruleIds = new List<string>();
        var parameters = new List<ParameterOverride>();
        string? pack = null;
        OutputFormat? format = null;
        DateTimeOffset? now = null;
        var optionsEnded = false;

        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                inputs.Add(arg);
                continue;
            }
            if (arg == "--") { optionsEnded = true; continue; }
            if (arg is "--help" or "-h") return new CliOptions { Command = CliCommand.Help };

            var (name, inlineValue) = SplitOption(arg);
            string Value() => inlineValue ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"Option {name} needs a value."));
            switch (name)
            {
                case "--format":
                    format = ParseFormat(Value(), command);
                    break;
                case "--pack" when command != CliCommand.Rules:
                    if (pack is not null) throw new UsageException("Option --pack may be given once.");
                    pack = Value();
                    break;
                case "--rule" when command != CliCommand.Rules:
                    ruleIds.Add(Value());
                    break;
                case "--param" when command != CliCommand.Rules:
                    parameters.Add(ParseParameter(Value()));
                    break;
                case "--now" when command != CliCommand.Rules:
                    now = ParseNow(Value());
                    break;
                default:
                    throw new UsageException(command == CliCommand.Rules
                        ? $"Unknown option '{name}' for rules: expected --format table|json."
                        : $"Unknown option '{name}': expected --pack, --rule, --param, --format or --now.");
            }
        }

        if (command == CliCommand.Rules && inputs.Count > 0)
            throw new UsageException($"rules takes no inputs, but got '{inputs[0]}'.");
        if (command == CliCommand.CheckTemplate && inputs.Count == 0)
            throw new UsageException("check-template needs at least one TEMPLATE file or folder.");

        return new CliOptions
        {
            Command = command,
            Inputs = inputs,
            PackFile = pack,
            RuleIds = ruleIds,
            Parameters = parameters,
            Format = format ?? OutputFormat.Table,
            Now = now,
        };
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static OutputFormat ParseFormat(string text, CliCommand command) => text switch
    {
        "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "sarif" when command != CliCommand.Rules => OutputFormat.Sarif,
        _ => throw new UsageException(command == CliCommand.Rules
            ? $"Unknown format '{text}' for rules: expected table or json."
            : $"Unknown format '{text}': expected table, json or sarif."),
    };

    /// <summary><c>RULE.NAME=VALUE</c>: rule ids and parameter names have no dots, so the last dot before the <c>=</c> splits them (values may have dots).</summary>
    private static ParameterOverride ParseParameter(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var dot = equals > 0 ? text.LastIndexOf('.', equals - 1) : -1;
        if (equals <= 0 || dot <= 0 || dot == equals - 1)
            throw new UsageException($"--param '{text}' is not RULE.NAME=VALUE (for example lambda-timeout-check.maxTimeout=60).");
        return new ParameterOverride(text[..dot], text[(dot + 1)..equals], text[(equals + 1)..]);
    }

    private static DateTimeOffset ParseNow(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var now))
            return now;
        throw new UsageException($"--now '{text}' is not an ISO-8601 date or time (for example 2025-06-01 or 2025-06-01T12:00:00Z).");
    }
}
