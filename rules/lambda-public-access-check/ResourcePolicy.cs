using System.Text.Json;

namespace ConfigRules.Rules.LambdaPublicAccess;

/// <summary>One condition of a statement: <c>{"StringEquals": {"aws:SourceAccount": ["1234..."]}}</c> gives (StringEquals, aws:SourceAccount, [..]).</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>A principal entry: <c>*</c> is (<c>*</c>, <c>*</c>); <c>{"AWS": ["a", "b"]}</c> gives (AWS, a) and (AWS, b).</summary>
public sealed record PolicyPrincipal(string Type, string Value);

/// <summary>One statement of a resource policy, in every form IAM accepts (single values or lists, Not* members).</summary>
public sealed record PolicyStatement(
    string? Sid,
    string Effect,
    IReadOnlyList<PolicyPrincipal> Principals,
    bool UsesNotPrincipal,
    IReadOnlyList<string> Actions,
    bool UsesNotAction,
    IReadOnlyList<PolicyCondition> Conditions);

/// <summary>
/// Reads a Lambda function's resource policy as Config records it (<c>supplementaryConfiguration.Policy</c>): the
/// policy document as JSON text (which may itself arrive wrapped in one more JSON string) or as an object.
/// </summary>
public static class ResourcePolicy
{
    /// <summary>The statements; false with a reason when the value is not a policy document.</summary>
    public static bool TryRead(JsonElement value, out IReadOnlyList<PolicyStatement> statements, out string? problem)
    {
        statements = [];
        problem = null;
        JsonDocument? owned = null;
        try
        {
            // Text is parsed, twice at most: the API shape wraps the document's text in one more JSON string.
            for (var depth = 0; value.ValueKind == JsonValueKind.String && depth < 2; depth++)
            {
                var text = value.GetString() ?? "";
                if (text.Trim().Length == 0) return true;
                owned?.Dispose();
                owned = JsonDocument.Parse(text);
                value = owned.RootElement;
            }
            if (value.ValueKind != JsonValueKind.Object)
            {
                problem = $"supplementaryConfiguration.Policy is a JSON {value.ValueKind}, not a policy document";
                return false;
            }
            if (!TryMember(value, "Statement", out var statement)) return true;
            var list = new List<PolicyStatement>();
            foreach (var entry in statement.ValueKind == JsonValueKind.Array ? statement.EnumerateArray().ToArray() : [statement])
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    problem = "supplementaryConfiguration.Policy has a Statement entry that is not an object";
                    return false;
                }
                list.Add(ReadStatement(entry));
            }
            statements = list;
            return true;
        }
        catch (JsonException ex)
        {
            problem = $"supplementaryConfiguration.Policy is not JSON ({ex.Message})";
            return false;
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private static PolicyStatement ReadStatement(JsonElement statement)
    {
        var principals = new List<PolicyPrincipal>();
        var notPrincipal = TryMember(statement, "NotPrincipal", out var principal);
        if (notPrincipal || TryMember(statement, "Principal", out principal))
        {
            if (principal.ValueKind == JsonValueKind.String) principals.Add(new PolicyPrincipal("*", principal.GetString()!));
            else if (principal.ValueKind == JsonValueKind.Object)
            {
                foreach (var type in principal.EnumerateObject())
                    principals.AddRange(Strings(type.Value).Select(v => new PolicyPrincipal(type.Name, v)));
            }
        }
        var notAction = TryMember(statement, "NotAction", out var actions);
        if (!notAction) TryMember(statement, "Action", out actions);
        var conditions = new List<PolicyCondition>();
        if (TryMember(statement, "Condition", out var condition) && condition.ValueKind == JsonValueKind.Object)
        {
            foreach (var op in condition.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object))
            {
                foreach (var key in op.Value.EnumerateObject())
                    conditions.Add(new PolicyCondition(op.Name, key.Name, Strings(key.Value)));
            }
        }
        var sid = TryMember(statement, "Sid", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var effect = TryMember(statement, "Effect", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
        return new PolicyStatement(sid, effect, principals, notPrincipal, Strings(actions), notAction, conditions);
    }

    /// <summary>A string, or the strings of a list; numbers and booleans as their text (conditions carry both).</summary>
    private static List<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => [value.GetRawText()],
        JsonValueKind.Array => [.. value.EnumerateArray().SelectMany(Strings)],
        _ => [],
    };

    private static bool TryMember(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }
}
