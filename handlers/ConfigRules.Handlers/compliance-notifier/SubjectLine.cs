using System.Text;
using ConfigRules.Framework.Text;

namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>
/// The SNS subject: "NON_COMPLIANT: lambda-timeout-check on orders-fn (123456789012/us-east-1)". SNS wants
/// ASCII, no line breaks or control characters, fewer than 100 characters (the contract's "at most 100" and
/// SNS's "less than 100" both hold at 99). When too long, the rule name and resource id give way evenly.
/// </summary>
public static class SubjectLine
{
    public const int MaxLength = 99;

    public static string Compose(NoticeKind kind, string ruleName, string resourceId, string accountId, string region)
    {
        var prefix = $"{kind.Label()}: ";
        var where = $" ({ToAscii(accountId)}/{ToAscii(region)})";
        var rule = ToAscii(ruleName);
        var resource = ToAscii(resourceId);

        var room = MaxLength - prefix.Length - " on ".Length - where.Length;
        if (rule.Length + resource.Length > room)
        {
            // Give each part half the room, and a short part's unused half to the other.
            var half = room / 2;
            var ruleRoom = Math.Max(half, room - resource.Length);
            var resourceRoom = room - Math.Min(rule.Length, ruleRoom);
            rule = TextShortening.Shorten(rule, ruleRoom);
            resource = TextShortening.Shorten(resource, resourceRoom);
        }
        var subject = $"{prefix}{rule} on {resource}{where}";
        // Account and region are short in any real event; this keeps the limit absolute whatever arrives.
        return TextShortening.Shorten(subject, MaxLength);
    }

    /// <summary>Printable ASCII only: control characters and line breaks become spaces, anything else '?'.</summary>
    public static string ToAscii(string text)
    {
        var builder = new StringBuilder(text.Length);
        var previousSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value switch
            {
                < 0x20 or 0x7F => ' ',
                > 0x7E => '?',
                _ => (char)rune.Value,
            };
            if (c == ' ' && previousSpace) continue;
            builder.Append(c);
            previousSpace = c == ' ';
        }
        return builder.ToString().Trim();
    }
}
