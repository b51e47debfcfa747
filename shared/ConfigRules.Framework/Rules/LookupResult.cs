namespace ConfigRules.Framework.Rules;

/// <summary>
/// A lookup's answer as a value: what it found (which may itself be "does not exist", e.g. a null role), or, offline,
/// that the input does not hold it, with the note the rule reports as NOT_APPLICABLE. A value rather than a
/// <see cref="NotInInputException"/>, because offline a missing related item is the common case (a function without
/// an alarm in the input) and an exception per item costs more than the rest of its evaluation.
/// </summary>
public sealed class LookupResult<T>
{
    private readonly T _value;

    private LookupResult(T value, string? notInInputNote)
    {
        _value = value;
        NotInInputNote = notInInputNote;
    }

    /// <summary>Why the input cannot answer (where to find the item); null when the lookup answered.</summary>
    public string? NotInInputNote { get; }

    public bool IsNotInInput => NotInInputNote is not null;

    /// <summary>The answer; an error to read when the input does not hold it (check <see cref="IsNotInInput"/> first).</summary>
    public T Value => NotInInputNote is null
        ? _value
        : throw new InvalidOperationException($"The lookup has no answer to read: {NotInInputNote}");

    public static LookupResult<T> Found(T value) => new(value, null);

    public static LookupResult<T> NotInInput(string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        return new LookupResult<T>(default!, note);
    }

    /// <summary>
    /// The answer, or a <see cref="NotInInputException"/> carrying the note: for callers that have no verdict to give
    /// in its place (the framework turns it into NOT_APPLICABLE).
    /// </summary>
    public T ValueOrThrow() => NotInInputNote is null ? _value : throw new NotInInputException(NotInInputNote);

    /// <summary>The NOT_APPLICABLE verdict a rule returns when the input cannot answer, else null.</summary>
    public Verdict? NotApplicableVerdict => NotInInputNote is null ? null : Verdict.NotApplicable(NotInInputNote);
}

/// <summary>Shorthands for <see cref="LookupResult{T}"/>.</summary>
public static class LookupResult
{
    public static LookupResult<T> Found<T>(T value) => LookupResult<T>.Found(value);
}
