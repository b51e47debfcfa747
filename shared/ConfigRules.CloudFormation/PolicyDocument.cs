using System.Buffers;
using System.Text.Json;

namespace ConfigRules.CloudFormation;

/// <summary>
/// Writes a function's grants as the policy document Lambda keeps (<c>GetPolicy</c>'s <c>Policy</c>, Config's
/// <c>supplementaryConfiguration.Policy</c>): a service principal as <c>{"Service": ...}</c>, an account as
/// <c>{"AWS": "arn:aws:iam::{account}:root"}</c>, <c>*</c> as it is, each condition under its operator. A value made
/// of the template's own resources or pseudo parameters is written in <c>${...}</c> notation: such a condition is
/// there, whatever its value (<c>${AWS::AccountId}</c> as a principal is the function's own account).
/// </summary>
internal static class PolicyDocument
{
    /// <summary>The document, or the first value that cannot be known before deployment.</summary>
    public static (JsonElement? Document, UnknownValue? Unknown) Write(IReadOnlyList<PolicyGrant> grants)
    {
        if (grants.Count == 0) return (null, null);
        foreach (var grant in grants)
        {
            if (Text(grant.Principal) is null) return (null, Unknown("Principal", grant));
            foreach (var (_, key, value) in grant.Conditions)
            {
                if (Text(value) is null) return (null, Unknown(key, grant));
            }
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Version", "2012-10-17");
            writer.WriteString("Id", "default");
            writer.WriteStartArray("Statement");
            foreach (var grant in grants) WriteStatement(writer, grant);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return (document.RootElement.Clone(), null);
    }

    private static void WriteStatement(Utf8JsonWriter writer, PolicyGrant grant)
    {
        writer.WriteStartObject();
        writer.WriteString("Sid", grant.Sid);
        writer.WriteString("Effect", "Allow");
        var principal = Text(grant.Principal)!;
        if (principal == "*") writer.WriteString("Principal", "*");
        else
        {
            writer.WriteStartObject("Principal");
            if (principal.EndsWith(".amazonaws.com", StringComparison.Ordinal) || principal.EndsWith(".amazon.com", StringComparison.Ordinal))
                writer.WriteString("Service", principal);
            else if (principal.Length == 12 && principal.All(char.IsAsciiDigit))
                writer.WriteString("AWS", $"arn:aws:iam::{principal}:root");
            else writer.WriteString("AWS", principal);
            writer.WriteEndObject();
        }
        writer.WriteString("Action", grant.Action);
        writer.WriteString("Resource", "*");
        var byOperator = grant.Conditions.GroupBy(c => c.Operator, StringComparer.Ordinal).ToList();
        if (byOperator.Count > 0)
        {
            writer.WriteStartObject("Condition");
            foreach (var group in byOperator)
            {
                writer.WriteStartObject(group.Key);
                foreach (var (_, key, value) in group) writer.WriteString(key, Text(value));
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static string? Text(TemplateValue value) => value switch
    {
        ScalarValue scalar => scalar.Text,
        UnknownValue unknown => unknown.Symbol,
        _ => null,
    };

    private static UnknownValue Unknown(string property, PolicyGrant grant) =>
        new($"the {property} of {grant.Sid} is unknown ({(property == "Principal" ? grant.Principal : grant.Conditions.First(c => c.Key == property).Value) switch { UnknownValue u => u.Reason, _ => "it is not a single value" }})", grant.Line);
}
