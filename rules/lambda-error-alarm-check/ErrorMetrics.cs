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

    public static bool Watches(ErrorAlarm alarm, string functionName)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var byId = alarm.Queries.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var returned = alarm.Queries.Where(q => q.ReturnData).ToList();
        // An alarm with one query returns it whatever ReturnData says; with several, the one marked returns.
        if (returned.Count == 0 && alarm.Queries.Count == 1) returned = [alarm.Queries[0]];
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return returned.Any(query => Uses(query, functionName, byId, visited));
    }

    private static bool Uses(AlarmQuery query, string functionName, Dictionary<string, AlarmQuery> byId, HashSet<string> visited)
    {
        if (!visited.Add(query.Id)) return false;
        if (IsErrorsOf(query, functionName)) return true;
        if (string.IsNullOrEmpty(query.Expression)) return false;
        foreach (Match token in Identifier().Matches(query.Expression))
        {
            if (byId.TryGetValue(token.Value, out var used) && Uses(used, functionName, byId, visited)) return true;
        }
        return false;
    }

    private static bool IsErrorsOf(AlarmQuery query, string functionName) =>
        query.Namespace == Namespace && query.MetricName == MetricName &&
        query.Dimensions.TryGetValue(Dimension, out var name) && string.Equals(name, functionName, StringComparison.Ordinal);

    /// <summary>Query ids as metric math writes them: a lowercase letter first, then letters, digits and underscores.</summary>
    [GeneratedRegex("[a-z][A-Za-z0-9_]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Identifier();
}
