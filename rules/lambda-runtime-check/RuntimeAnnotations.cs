using System.Globalization;
using System.Text;

namespace ConfigRules.Rules.LambdaRuntime;

/// <summary>
/// lambda-runtime-check's annotations: the runtime found, the date that matters, and what to move to, short
/// enough (well under 256 characters) to read whole in the Config console.
/// </summary>
internal static class RuntimeAnnotations
{
    private const string AlsoNotAllowed = " It is also not in allowedRuntimes.";

    public static string Deprecated(RuntimeEntry entry, bool allowed) =>
        $"Runtime {entry.Identifier} was deprecated on {Format(entry.Deprecation)}; move to {Successor(entry)}.{Blocks(entry)}" +
        (allowed ? "" : AlsoNotAllowed);

    public static string DeprecatesSoon(RuntimeEntry entry, int days, bool allowed) =>
        $"Runtime {entry.Identifier} will be deprecated on {Format(entry.Deprecation)} (in {days} {(days == 1 ? "day" : "days")}); " +
        $"move to {Successor(entry)}.{Blocks(entry)}" + (allowed ? "" : AlsoNotAllowed);

    public static string NotAllowed(string runtime, IReadOnlyList<string> allowedRuntimes) =>
        $"Runtime {runtime} is not allowed (allowed: {ShortList(allowedRuntimes)}); move to an allowed runtime or add it to lambda-runtime-check's allowedRuntimes.";

    public static string Unknown(string runtime, DateOnly? checkedOn) =>
        $"Runtime {runtime} is not in this rule's runtime table{(checkedOn is { } date ? $" (checked {Format(date)})" : "")}, " +
        "so its deprecation date is unknown and it is not flagged; set allowedRuntimes to restrict runtimes.";

    public static string Supported(RuntimeEntry entry) => entry.Deprecation is { } date
        ? $"Runtime {entry.Identifier} is supported; AWS plans to deprecate it on {Format(date)}."
        : $"Runtime {entry.Identifier} is supported; AWS has published no deprecation date for it.";

    private static string Successor(RuntimeEntry entry) => entry.Successor ?? "a supported runtime";

    /// <summary>The block dates where the table has them (an empty date is unknown, so it is left out).</summary>
    private static string Blocks(RuntimeEntry entry) => (entry.BlockCreate, entry.BlockUpdate) switch
    {
        ({ } create, { } update) => $" Function creation is blocked from {Format(create)} and updates from {Format(update)}.",
        ({ } create, null) => $" Function creation is blocked from {Format(create)}.",
        (null, { } update) => $" Function updates are blocked from {Format(update)}.",
        _ => "",
    };

    /// <summary>The allowed list, cut after about 80 characters with a count of the rest.</summary>
    private static string ShortList(IReadOnlyList<string> values)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (builder.Length > 0 && builder.Length + values[i].Length > 80)
                return builder.Append(CultureInfo.InvariantCulture, $" and {values.Count - i} more").ToString();
            if (builder.Length > 0) builder.Append(", ");
            builder.Append(values[i]);
        }
        return builder.ToString();
    }

    private static string Format(DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "an unpublished date";
}
