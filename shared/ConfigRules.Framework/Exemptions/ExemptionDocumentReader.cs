namespace ConfigRules.Framework.Exemptions;

/// <summary>
/// Turns the parsed tree into entries, collecting every problem (in document order) instead of stopping at the
/// first, so that one review round fixes them all.
/// </summary>
internal sealed partial class ExemptionDocumentReader(IExemptionCatalog catalog)
{
    private const string DocumentShape = "expected a mapping with one key, exemptions, holding a list of entries: {\"exemptions\": [...]}";
    private const string EntryFields = "rule, resourceId, accountId, reason, owner, ticket, expires";
    private static readonly string[] RequiredFields = ["rule", "resourceId", "reason", "owner", "expires"];

    private readonly IExemptionCatalog catalog = catalog;
    private readonly List<ExemptionProblem> problems = [];
    private readonly List<ExemptionEntry> entries = [];

    public (IReadOnlyList<ExemptionEntry> Entries, IReadOnlyList<ExemptionProblem> Problems) Read(YamlTreeNode? root)
    {
        if (root is not YamlTreeMapping document)
        {
            problems.Add(new(root?.Line ?? 1, null, null, root is null ? $"the document is empty: {DocumentShape}." : $"{DocumentShape}."));
            return (entries, problems);
        }
        YamlTreeNode? list = null;
        foreach (var (key, value) in document.Pairs)
        {
            var name = (key as YamlTreeScalar)?.Value;
            if (name != "exemptions")
                problems.Add(new(key.Line, null, null, $"unknown field '{name ?? "(not text)"}': the document accepts only exemptions."));
            else if (list is not null)
                problems.Add(new(key.Line, null, "exemptions", $"appears twice (first on line {list.Line}): give one list."));
            else
                list = value;
        }
        switch (list)
        {
            case null:
                problems.Add(new(document.Line, null, "exemptions", $"missing: {DocumentShape}."));
                break;
            case YamlTreeSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++) ReadEntry(i + 1, sequence.Items[i]);
                break;
            default:
                problems.Add(new(list.Line, null, "exemptions", "expected a list of entries (write [] for none)."));
                break;
        }
        return (entries, problems);
    }

    private void ReadEntry(int number, YamlTreeNode node)
    {
        if (node is not YamlTreeMapping mapping)
        {
            problems.Add(new(node.Line, number, null, $"expected a mapping with the fields {EntryFields}."));
            return;
        }
        var firstProblem = problems.Count;
        var fields = new Dictionary<string, YamlTreeNode>(StringComparer.Ordinal);
        var valid = true;
        foreach (var (keyNode, value) in mapping.Pairs)
        {
            if (keyNode is not YamlTreeScalar { IsNull: false } key)
            {
                valid = Problem(keyNode.Line, number, null, $"a field name must be text; expected one of {EntryFields}.");
            }
            else if (!IsEntryField(key.Value))
            {
                valid = Problem(key.Line, number, key.Value, $"unknown field; an entry accepts {EntryFields}.");
            }
            else if (fields.TryGetValue(key.Value, out var first))
            {
                valid = Problem(key.Line, number, key.Value, $"appears twice in the entry (first on line {first.Line}); give it once.");
            }
            else
            {
                fields[key.Value] = value;
            }
        }

        var fieldReader = new EntryFieldReader(this, number, fields);
        var rule = fieldReader.Rule();
        var resourceId = fieldReader.ResourceId();
        var accountId = fieldReader.AccountId();
        var reason = fieldReader.RequiredText("reason", "the reason the finding is accepted");
        var owner = fieldReader.RequiredText("owner", "who answers for the exemption (a person or team)");
        var ticket = fieldReader.OptionalText("ticket");
        var expires = fieldReader.Expires();
        foreach (var field in RequiredFields.Where(f => !fields.ContainsKey(f)))
            valid = Problem(mapping.Line, number, field, $"missing; every entry needs {string.Join(", ", RequiredFields)}.");

        InDocumentOrder(firstProblem);

        if (!valid || !fieldReader.Valid || rule is null || resourceId is null || reason is null || owner is null || expires is null) return;
        entries.Add(new ExemptionEntry
        {
            Number = number, Line = mapping.Line, Rule = rule, ResourceId = resourceId, AccountId = accountId,
            Reason = reason, Owner = owner, Ticket = ticket, Expires = expires.Value,
        });
    }

    /// <summary>An entry's problems were found field by field; report them as they appear (stable by line).</summary>
    private void InDocumentOrder(int firstProblem)
    {
        var entryProblems = problems.Skip(firstProblem).OrderBy(p => p.Line).ToList();
        problems.RemoveRange(firstProblem, entryProblems.Count);
        problems.AddRange(entryProblems);
    }

    private static bool IsEntryField(string name) => name is "rule" or "resourceId" or "accountId" or "reason" or "owner" or "ticket" or "expires";

    /// <summary>Records a problem; returns false so that callers can write <c>valid = Problem(...)</c>.</summary>
    private bool Problem(int line, int? entry, string? field, string message)
    {
        problems.Add(new(line, entry, field, message));
        return false;
    }
}
