namespace ConfigRules.Framework.Exemptions;

/// <summary>One validated entry of the exemptions document (docs/exemptions.md).</summary>
public sealed record ExemptionEntry
{
    /// <summary>1-based position in the document's <c>exemptions</c> list.</summary>
    public required int Number { get; init; }
    /// <summary>1-based line where the entry starts.</summary>
    public required int Line { get; init; }
    public required string Rule { get; init; }
    /// <summary>A resource id (Config) or logical id (templates), with <c>*</c> and <c>?</c> wildcards.</summary>
    public required string ResourceId { get; init; }
    /// <summary>12 digits, or null for any account.</summary>
    public string? AccountId { get; init; }
    public required string Reason { get; init; }
    public required string Owner { get; init; }
    public string? Ticket { get; init; }
    /// <summary>The last day (UTC) on which the exemption holds.</summary>
    public required DateOnly Expires { get; init; }

    /// <summary>
    /// Whether the entry covers this rule and resource in this account. An entry scoped to an account does not
    /// cover a resource whose account is unknown (a template before deployment): a narrow grant must not widen.
    /// </summary>
    public bool Covers(string ruleId, string resourceId, string? accountId) =>
        string.Equals(Rule, ruleId, StringComparison.Ordinal)
        && (AccountId is null || string.Equals(AccountId, accountId, StringComparison.Ordinal))
        && ResourcePattern.Matches(ResourceId, resourceId);

    /// <summary>In force through the whole of its <see cref="Expires"/> day, UTC; expired from the next day.</summary>
    public bool IsInForceAt(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) <= Expires;
}

/// <summary>The entry that covers a resource, and whether it still holds at the time of evaluation.</summary>
public sealed record ExemptionMatch(ExemptionEntry Entry, bool InForce)
{
    public bool Expired => !InForce;
}
