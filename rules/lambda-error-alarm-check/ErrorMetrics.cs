using System.Text.RegularExpressions;

namespace ConfigRules.Rules.LambdaErrorAlarm;

/// <summary>
/// Whether an alarm watches a function's errors: its returned query is the <c>AWS/Lambda</c> <c>Errors</c> metric of
/// the function, or an expression that uses it (through other expressions too, as in <c>errors / invocations</c>).
/// A metric that a metric-math alarm lists but never uses watches nothing.
/// </summary>
public static partial class ErrorMetrics
{
    public const string Namespace = "AWS/Lambda";
    public const string MetricName = "Errors";
    public const string Dimension = "FunctionName";

    public static bool Watches(ErrorAlarm alarm, string functionName) =>
        FirstUsed(alarm, query => IsErrors(query) && query.Dimensions.TryGetValue(Dimension, out var name) &&
            string.Equals(name, functionName, StringComparison.Ordinal)) is not null;

    /// <summary>
    /// Before deployment: the query by which the alarm watches the errors of a function the template names only at
    /// deployment (so it may watch any of them), or null.
    /// </summary>
    public static AlarmQuery? UndecidedErrorsQuery(ErrorAlarm alarm) =>
        FirstUsed(alarm, query => IsErrors(query) && query.UndecidedFunctionProperty is not null);

    /// <summary>The first query the alarm's returned data is made of (itself or through expressions) that <paramref name="matches"/>.</summary>
    private static AlarmQuery? FirstUsed(ErrorAlarm alarm, Func<AlarmQuery, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var byId = alarm.Queries.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var returned = alarm.Queries.Where(q => q.ReturnData).ToList();
        // An alarm with one query returns it whatever ReturnData says; with several, the one marked returns.
        if (returned.Count == 0 && alarm.Queries.Count == 1) returned = [alarm.Queries[0]];
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return returned.Select(query => Used(query, matches, byId, visited)).FirstOrDefault(found => found is not null);
    }

    private static AlarmQuery? Used(AlarmQuery query, Func<AlarmQuery, bool> matches, Dictionary<string, AlarmQuery> byId, HashSet<string> visited)
    {
        if (!visited.Add(query.Id)) return null;
        if (matches(query)) return query;
        if (string.IsNullOrEmpty(query.Expression)) return null;
        foreach (Match token in Identifier().Matches(query.Expression))
        {
            if (byId.TryGetValue(token.Value, out var used) && Used(used, matches, byId, visited) is { } found) return found;
        }
        return null;
    }

    private static bool IsErrors(AlarmQuery query) => query.Namespace == Namespace && query.MetricName == MetricName;

    /// <summary>Query ids as metric math writes them: a lowercase letter first, then letters, digits and underscores.</summary>
    [GeneratedRegex("[a-z][A-Za-z0-9_]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Identifier();
}
