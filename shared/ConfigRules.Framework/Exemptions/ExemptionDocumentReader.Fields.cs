using System.Globalization;

namespace ConfigRules.Framework.Exemptions;

internal sealed partial class ExemptionDocumentReader
{
    /// <summary>Reads and checks one entry's fields; absent fields are left to the caller's "missing" check.</summary>
    private sealed class EntryFieldReader(ExemptionDocumentReader reader, int number, Dictionary<string, YamlTreeNode> fields)
    {
        public bool Valid { get; private set; } = true;

        public string? Rule()
        {
            var rule = Text("rule", "a rule id");
            if (rule is null) return null;
            switch (reader.catalog.StatusOf(rule))
            {
                case ExemptionRuleStatus.Exemptible:
                    return rule;
                case ExemptionRuleStatus.NotExemptible:
                    Fail("rule", $"'{rule}' cannot be exempted: the catalog marks it not exemptible (docs/exemptions.md says why); fix the finding instead.");
                    return null;
                default:
                    Fail("rule", $"'{rule}' is not a rule of the catalog; expected one of {string.Join(", ", reader.catalog.ExemptibleRuleIds)}.");
                    return null;
            }
        }

        public string? ResourceId() =>
            Text("resourceId", "a resource id (Config) or logical id (templates); * matches any run of characters, ? one character");

        public string? AccountId()
        {
            if (!fields.ContainsKey("accountId")) return null;
            var account = Text("accountId", "an AWS account id of 12 digits, or no accountId for any account");
            if (account is null || (account.Length == 12 && account.All(char.IsAsciiDigit))) return account;
            Fail("accountId", $"'{account}' is not an account id; expected 12 digits (e.g. 123456789012), or no accountId for any account.");
            return null;
        }

        public string? RequiredText(string field, string expected)
        {
            var text = Text(field, expected);
            if (text is null || !string.IsNullOrWhiteSpace(text)) return text?.Trim();
            Fail(field, $"is empty; expected {expected}.");
            return null;
        }

        /// <summary>Optional text: absent, null or blank all mean "none".</summary>
        public string? OptionalText(string field)
        {
            if (!fields.TryGetValue(field, out var node) || node is YamlTreeScalar { IsNull: true }) return null;
            var text = Text(field, "text");
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        public DateOnly? Expires()
        {
            var text = Text("expires", "an ISO-8601 date yyyy-MM-dd, e.g. 2027-03-31");
            if (text is null) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Fail("expires", $"'{text}' is not a date; expected an ISO-8601 date yyyy-MM-dd (e.g. 2027-03-31), the last day the exemption holds (UTC).");
            return null;
        }

        /// <summary>The field's scalar text; null (and a problem) when it is not a non-empty scalar, null when absent.</summary>
        private string? Text(string field, string expected)
        {
            if (!fields.TryGetValue(field, out var node)) return null;
            switch (node)
            {
                case YamlTreeScalar { IsNull: true }:
                    Fail(field, $"has no value; expected {expected}.");
                    return null;
                case YamlTreeScalar scalar when field is "rule" or "resourceId" or "accountId" or "expires" && scalar.Value.Length == 0:
                    Fail(field, $"is empty; expected {expected}.");
                    return null;
                case YamlTreeScalar scalar:
                    return scalar.Value;
                case YamlTreeAlias:
                    Fail(field, $"is an alias (*name), which exemptions do not resolve; write the value out: {expected}.");
                    return null;
                default:
                    Fail(field, $"is a {(node is YamlTreeMapping ? "mapping" : "list")}; expected {expected}.");
                    return null;
            }
        }

        private void Fail(string field, string message)
        {
            Valid = false;
            reader.problems.Add(new(fields[field].Line, number, field, message));
        }
    }
}
