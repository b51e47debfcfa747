namespace ConfigRules.Framework.Rules;

/// <summary>
/// What one judgement read from offline indexes, each answer with its version: for a host that judges an item
/// before the whole input is read (related items may come later, in any order) and keeps the verdict only if none
/// of those answers changed by the end. Indexes report to the instance recording on the current flow.
/// </summary>
public sealed class LookupReads
{
    private static readonly AsyncLocal<LookupReads?> Ambient = new();
    private readonly List<LookupRead> _reads = [];

    internal static LookupReads? Current => Ambient.Value;

    public IReadOnlyList<LookupRead> Reads => _reads;

    /// <summary>Reads on this flow are recorded here until the returned scope is disposed.</summary>
    public RecordingScope Record()
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        return new RecordingScope(previous);
    }

    public void Clear() => _reads.Clear();

    internal void Add(IRelatedItemIndex index, string? key, long version) => _reads.Add(new LookupRead(index, key, version));

    internal void AddRange(LookupReads other)
    {
        if (!ReferenceEquals(other, this)) _reads.AddRange(other._reads);
    }

    /// <summary>Ends a recording: the flow records where it did before.</summary>
    public readonly struct RecordingScope(LookupReads? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

/// <summary>One answer read: from which index, for which key (null: a listing of everything), at which version.</summary>
public readonly record struct LookupRead(IRelatedItemIndex Index, string? Key, long Version)
{
    /// <summary>True while the index would still give the same answer.</summary>
    public bool IsCurrent => Index.VersionOf(Key) == Version;
}
