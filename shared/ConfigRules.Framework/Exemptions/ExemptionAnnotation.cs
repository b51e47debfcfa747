using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ConfigRules.Framework.Exemptions;

/// <summary>
/// The annotations exemptions write, and the one parser that reads them back (the compliance-notifier), kept
/// side by side so that the two cannot drift apart.
/// </summary>
public static class ExemptionAnnotation
{
    /// <summary>Every in-force exemption's annotation starts with this.</summary>
    public const string Prefix = "Exempt until ";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary><c>Exempt until 2027-03-31 (owner[, ticket]): reason</c>, cut to Config's 256 characters.</summary>
    public static string ForExemption(ExemptionEntry entry)
    {
        var who = entry.Ticket is null ? entry.Owner : $"{entry.Owner}, {entry.Ticket}";
        return Evaluation.Annotation.Fit($"{Prefix}{FormatDate(entry.Expires)} ({who}): {entry.Reason}")!;
    }

    /// <summary>
    /// A NON_COMPLIANT annotation after the exemption lapsed: the expiry sentence first, then the rule's own
    /// annotation, so that the 256-character cut takes from the rule's text and never from the expiry.
    /// </summary>
    public static string ForExpiredExemption(ExemptionEntry entry, string? ruleAnnotation) =>
        Evaluation.Annotation.Fit($"Exemption expired on {FormatDate(entry.Expires)}. {ruleAnnotation}")!;

    /// <summary>
    /// Reads an annotation written by <see cref="ForExemption"/>. True when it starts with the prefix and a date;
    /// owner, ticket and reason are read as far as the annotation has them (it may have been cut). An owner
    /// containing ", " cannot be told from "owner, ticket": the text after the last ", " is read as the ticket.
    /// </summary>
    public static bool TryParse(string? annotation, [NotNullWhen(true)] out ExemptionAnnotationDetails? details)
    {
        details = null;
        if (annotation is null || !annotation.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = annotation.AsSpan(Prefix.Length);
        if (rest.Length < DateFormat.Length
            || !DateOnly.TryParseExact(rest[..DateFormat.Length], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
            return false;
        rest = rest[DateFormat.Length..];
        if (!rest.StartsWith(" (", StringComparison.Ordinal))
        {
            details = new ExemptionAnnotationDetails(expires, null, null, null);
            return true;
        }
        rest = rest[2..];
        var close = rest.IndexOf("): ", StringComparison.Ordinal);
        var who = (close < 0 ? rest : rest[..close]).ToString();
        var reason = close < 0 ? null : rest[(close + 3)..].ToString();
        var comma = who.LastIndexOf(", ", StringComparison.Ordinal);
        details = comma < 0 || close < 0
            ? new ExemptionAnnotationDetails(expires, who, null, reason)
            : new ExemptionAnnotationDetails(expires, who[..comma], who[(comma + 2)..], reason);
        return true;
    }

    private static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}

/// <summary>What an exemption annotation says; null parts were cut from it (or, for the ticket, never given).</summary>
public sealed record ExemptionAnnotationDetails(DateOnly Expires, string? Owner, string? Ticket, string? Reason)
{
    public string ExpiresText => Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
