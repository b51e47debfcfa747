namespace ConfigRules.Cli.Engine;

/// <summary>
/// Thrown by the CLI's lookups when the input does not hold what a rule asks for (a role that is not among the
/// input's items, a reserved concurrency Config did not record). The engine turns it into NOT_APPLICABLE with
/// this message as the note: offline, "not in the input" must never read as "does not exist".
/// </summary>
public sealed class NotInInputException(string message) : Exception(message);
