using System.Text.RegularExpressions;

namespace ConfigRules.Rules.LambdaRuntime;

/// <summary>
/// One Lambda runtime's lifecycle as AWS publishes it. A null date means the table has no date for it (AWS has
/// published none, or it could not be confirmed): it never means "already passed".
/// </summary>
public sealed record RuntimeEntry(
    string Identifier,
    string Name,
    DateOnly? Deprecation,
    DateOnly? BlockCreate,
    DateOnly? BlockUpdate,
    string? Successor)
{
    /// <summary>True when AWS has deprecated the runtime on or before <paramref name="today"/>.</summary>
    public bool IsDeprecatedOn(DateOnly today) => Deprecation is { } date && date <= today;

    /// <summary>Days from <paramref name="today"/> to the deprecation date (negative once passed); null without a date.</summary>
    public int? DaysUntilDeprecation(DateOnly today) => Deprecation is { } date ? date.DayNumber - today.DayNumber : null;
}

/// <summary>The shape of a Lambda runtime identifier (<c>python3.13</c>, <c>nodejs22.x</c>, <c>provided.al2023</c>, <c>nodejs4.3-edge</c>).</summary>
public static partial class RuntimeIdentifier
{
    public const string Examples = "lowercase identifiers such as python3.13, nodejs22.x, java21, dotnet8, provided.al2023";

    public const int MaxLength = 40;

    public static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && Shape().IsMatch(value);

    [GeneratedRegex("^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
