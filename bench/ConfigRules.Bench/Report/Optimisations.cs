namespace ConfigRules.Bench.Report;

/// <summary>
/// Changes the measurements justified, with what each bought. The figures were measured on this machine by
/// this suite immediately before and after the change (the commit says which); the tables above are this run's.
/// </summary>
public static class Optimisations
{
    public sealed record Entry(string Change, string Where, string Bought);

    public static readonly IReadOnlyList<Entry> All = [];
}
