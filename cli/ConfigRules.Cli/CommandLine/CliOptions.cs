namespace ConfigRules.Cli.CommandLine;

public enum CliCommand { Evaluate, CheckTemplate, Rules, ExemptionsCheck }

public enum OutputFormat { Table, Json, Sarif, Html }

/// <summary>A <c>--param RULE.NAME=VALUE</c> override.</summary>
public sealed record ParameterOverride(string RuleId, string Name, string Value);

/// <summary>The command line, parsed and checked once; what each command needs and nothing else. Immutable.</summary>
public sealed record CliOptions
{
    public required CliCommand Command { get; init; }
    public IReadOnlyList<string> Inputs { get; init; } = [];
    public string? PackFile { get; init; }
    public IReadOnlyList<string> RuleIds { get; init; } = [];
    public IReadOnlyList<ParameterOverride> Parameters { get; init; } = [];
    public OutputFormat Format { get; init; } = OutputFormat.Table;
    /// <summary>The evaluation time from <c>--now</c>; null means the clock.</summary>
    public DateTimeOffset? Now { get; init; }
    /// <summary><c>--exemptions FILE</c>; null: no exemptions.</summary>
    public string? ExemptionsFile { get; init; }
    /// <summary><c>--live</c>: the items are the account's recorded resources, read from AWS Config.</summary>
    public bool Live { get; init; }
    /// <summary><c>--aggregator NAME</c>: the items are every account's and region's, read from a Config aggregator.</summary>
    public string? Aggregator { get; init; }
    /// <summary><c>--region</c>: where AWS is called (Config, the lookups, S3); null means AWS_REGION.</summary>
    public string? Region { get; init; }
    /// <summary><c>exemptions check --expiring-within DAYS</c>.</summary>
    public int ExpiringWithinDays { get; init; }
}

/// <summary>The command line is wrong: exit code 2 with the message and a pointer to the help.</summary>
public sealed class UsageException(string message) : Exception(message);
