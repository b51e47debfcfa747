namespace ConfigRules.Framework.Rules;

/// <summary>
/// "Not in the input" for a caller that has no verdict to give in its place (<see cref="LookupResult{T}.ValueOrThrow"/>,
/// an offline index's plain method). Rules read <see cref="LookupResult{T}"/> instead, which says the same as a value,
/// because offline the related item is often missing and an exception per item is costly. Offline hosts turn this
/// exception into NOT_APPLICABLE with its message as the note: offline, "not in the input" must never read as
/// "does not exist".
/// </summary>
public sealed class NotInInputException(string message) : Exception(message);
