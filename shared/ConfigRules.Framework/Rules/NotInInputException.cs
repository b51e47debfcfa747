namespace ConfigRules.Framework.Rules;

/// <summary>
/// Thrown by an offline lookup when the input does not hold what a rule asks for (a role that is not among the
/// input's items). Offline hosts turn it into NOT_APPLICABLE with this message as the note: offline, "not in the
/// input" must never read as "does not exist".
/// </summary>
public sealed class NotInInputException(string message) : Exception(message);
