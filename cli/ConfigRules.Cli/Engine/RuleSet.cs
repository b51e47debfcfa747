namespace ConfigRules.Cli.Engine;

/// <summary>
/// A subset of the selected rules, by their position in the selection: which rules judge an item now, which wait for
/// related items. A bit each, so an item that waits carries its waiting rules in eight bytes.
/// </summary>
public readonly record struct RuleSet(ulong Bits)
{
    /// <summary>The most rules one run can select (the catalog holds far fewer).</summary>
    public const int Capacity = 64;

    public static RuleSet None => default;

    public static RuleSet All(int count)
    {
        if (count > Capacity) throw new InvalidOperationException($"{count} rules selected; one run judges at most {Capacity}.");
        return new(count == Capacity ? ulong.MaxValue : (1UL << count) - 1);
    }

    public bool IsEmpty => Bits == 0;

    public bool Contains(int index) => (Bits & (1UL << index)) != 0;

    public RuleSet With(int index) => new(Bits | (1UL << index));

    public RuleSet Without(RuleSet other) => new(Bits & ~other.Bits);

    public RuleSet Intersect(RuleSet other) => new(Bits & other.Bits);

    /// <summary>The positions of <paramref name="rules"/> that match <paramref name="predicate"/>.</summary>
    public static RuleSet Where<T>(IReadOnlyList<T> rules, Func<T, bool> predicate)
    {
        var set = None;
        All(rules.Count); // refuses more than the capacity
        for (var index = 0; index < rules.Count; index++)
        {
            if (predicate(rules[index])) set = set.With(index);
        }
        return set;
    }
}
