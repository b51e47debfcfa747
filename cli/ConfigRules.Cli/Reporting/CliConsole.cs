using ConfigRules.Framework.Settings;

namespace ConfigRules.Cli.Reporting;

/// <summary>The process's surroundings, replaceable in tests: streams, whether they are terminals, colour, clock.</summary>
public sealed class CliConsole
{
    public required Stream StandardOutput { get; init; }
    public required TextWriter StandardError { get; init; }
    public required Func<Stream> StandardInput { get; init; }
    public bool OutputIsTerminal { get; init; }
    public bool ErrorIsTerminal { get; init; }
    /// <summary>NO_COLOR (https://no-color.org) is set to anything non-empty.</summary>
    public bool NoColor { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public bool UseColor => OutputIsTerminal && !NoColor;

    public static CliConsole FromProcess() => new()
    {
        StandardOutput = Console.OpenStandardOutput(),
        StandardError = Console.Error,
        StandardInput = Console.OpenStandardInput,
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        NoColor = ProcessEnvironmentVariables.Instance.Get("NO_COLOR") is not null,
    };
}
