using System.Globalization;
using System.Text;
using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Reporting;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Commands;

/// <summary>
/// <c>configrules exemptions check FILE [--expiring-within DAYS]</c>: validates a document for a governance team's
/// pipeline, and lists the entries that expire within the window or have expired (a calendar's reminders).
/// Exit 0: valid, nothing expiring; 1: valid, something expiring or expired; 2: invalid or unreadable.
/// </summary>
internal static class ExemptionsCheckCommand
{
    public static int Run(CliOptions options, CliConsole console, IReadOnlyList<RuleDefinition> catalog)
    {
        var file = options.Inputs[0];
        var document = ExemptionsLoader.Load(file, catalog);
        var today = DateOnly.FromDateTime(CommandSupport.Now(options, console).UtcDateTime);
        var expiring = document.ExpiringWithin(today, options.ExpiringWithinDays);

        using var writer = new StreamWriter(console.StandardOutput, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" };
        var rules = document.Entries.Select(e => e.Rule).Distinct(StringComparer.Ordinal).Count();
        writer.WriteLine($"{file}: valid, {Count(document.Entries.Count, "entry", "entries")} for {Count(rules, "rule", "rules")}.");
        var window = options.ExpiringWithinDays == 0 ? "today" : $"within {options.ExpiringWithinDays} days (through {Date(today.AddDays(options.ExpiringWithinDays))})";
        if (expiring.Count == 0)
        {
            writer.WriteLine($"None expires {window}.");
            return ExitCodes.Clean;
        }
        writer.WriteLine($"{Count(expiring.Count, "entry expires", "entries expire")} {window} or has expired:");
        foreach (var entry in expiring)
        {
            var state = entry.Expires < today ? $"expired {Date(entry.Expires)}" : $"expires {Date(entry.Expires)}";
            var account = entry.AccountId is null ? "" : $" in {entry.AccountId}";
            var ticket = entry.Ticket is null ? "" : $", {entry.Ticket}";
            writer.WriteLine($"  {state}  {entry.Rule}  {entry.ResourceId}{account}  ({entry.Owner}{ticket}; entry {entry.Number}, line {entry.Line}): {entry.Reason}");
        }
        return ExitCodes.NonCompliant;
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
