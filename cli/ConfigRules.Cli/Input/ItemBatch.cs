using System.Buffers;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Reporting;

namespace ConfigRules.Cli.Input;

/// <summary>One item's place in a batch: its JSON's bytes, where it was read, and the rules that still wait for it.</summary>
/// <param name="Waiting">Empty when the item is read for the first time; else the rules that judge it now, once related items are all read.</param>
/// <param name="Input">The input's position in the list of inputs.</param>
/// <param name="Offset">Where the item's bytes start in the input, when it can be read again from there; else -1.</param>
/// <param name="Rendered">Set when the bytes are no item but its findings, judged ahead and still right at the end, with their counts.</param>
internal readonly record struct BatchedItem(int Start, int Length, string File, long Line, RuleSet Waiting, int Input = -1, long Offset = -1,
    FindingCounts? Rendered = null);

/// <summary>
/// A run of items' raw JSON, copied out of the reader's window: what the reader hands a worker, and what the
/// worker hands back (findings rendered into a fragment, counts, problems, the items that wait) for the writer to
/// take in input order. Reused: a fixed number of batches circulate, which bounds memory whatever the input's size.
/// </summary>
internal sealed class ItemBatch(FindingFragment fragment) : IDisposable
{
    /// <summary>Bytes of JSON per batch: large enough to amortize the hand-over, small enough to keep both cores busy.</summary>
    public const int TargetBytes = 128 * 1024;

    private byte[] _data = new byte[TargetBytes];
    private int _length;
    private readonly ArrayBufferWriter<byte> _ahead = new(16 * 1024);

    public List<BatchedItem> Items { get; } = [];

    /// <summary>Where the reader stood in the inputs after this batch, in raw bytes (for progress).</summary>
    public long BytesRead { get; set; }

    /// <summary>An input that could not be read to its end, found after this batch's items (set by the reader).</summary>
    public List<InputProblem> ReadProblems { get; } = [];

    // Filled by the worker.
    public FindingFragment Fragment { get; } = fragment;
    public FindingSummary Summary { get; } = new();
    public List<InputProblem> ItemProblems { get; } = [];

    /// <summary>
    /// Items of this batch that wait for related items, with the rules that wait (indexes into <see cref="Items"/>)
    /// and, when those rules judged ahead, where their rendering is kept (<see cref="Rendered"/>, <see cref="Reads"/>).
    /// </summary>
    public List<(int Item, RuleSet Rules, JudgedAhead? Ahead)> Waiting { get; } = [];

    /// <summary>The findings rendered ahead that <paramref name="ahead"/> points to; empty for an item not judged ahead.</summary>
    public ReadOnlySpan<byte> Rendered(JudgedAhead? ahead) =>
        ahead is { } kept ? _ahead.WrittenSpan.Slice(kept.Start, kept.RenderedLength) : default;

    /// <summary>The reads those findings rest on; empty for an item not judged ahead.</summary>
    public ReadOnlySpan<byte> Reads(JudgedAhead? ahead) =>
        ahead is { } kept ? _ahead.WrittenSpan.Slice(kept.Start + kept.RenderedLength, kept.ReadsLength) : default;

    /// <summary>What stopped the worker (a bug, not an input problem): the writer rethrows it.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Set by the worker when everything above is filled.</summary>
    public ManualResetEventSlim Done { get; } = new(false);

    public bool IsFull => _length >= TargetBytes;

    public bool IsEmpty => Items.Count == 0 && ReadProblems.Count == 0;

    public void Add(ReadOnlySpan<byte> json, string file, long line, RuleSet waiting, int input = -1, long offset = -1, FindingCounts? rendered = null)
    {
        if (_data.Length - _length < json.Length) Array.Resize(ref _data, Math.Max(_data.Length * 2, _length + json.Length));
        json.CopyTo(_data.AsSpan(_length));
        Items.Add(new BatchedItem(_length, json.Length, file, line, waiting, input, offset, rendered));
        _length += json.Length;
    }

    /// <summary>Findings judged ahead and still right at the end: added to the report as they were rendered.</summary>
    public void AddRendered(ReadOnlySpan<byte> rendered, string file, long line, FindingCounts counts) =>
        Add(rendered, file, line, RuleSet.None, rendered: counts);

    /// <summary>Keeps one item's findings rendered ahead and the reads they rest on, for the writer to keep with the waiting item.</summary>
    public JudgedAhead KeepAhead(ReadOnlySpan<byte> rendered, ReadOnlySpan<byte> reads, FindingCounts counts)
    {
        var start = _ahead.WrittenCount;
        _ahead.Write(rendered);
        _ahead.Write(reads);
        return new JudgedAhead(start, rendered.Length, reads.Length, counts);
    }

    public ReadOnlyMemory<byte> Json(BatchedItem item) => _data.AsMemory(item.Start, item.Length);

    /// <summary>Empties the batch for reuse; a batch that grew for one large item shrinks back.</summary>
    public void Reset()
    {
        Items.Clear();
        ReadProblems.Clear();
        ItemProblems.Clear();
        Waiting.Clear();
        _ahead.ResetWrittenCount();
        Summary.Clear();
        Fragment.Clear();
        Done.Reset();
        Failure = null;
        BytesRead = 0;
        _length = 0;
        if (_data.Length > 4 * TargetBytes) _data = new byte[TargetBytes];
    }

    public void Dispose()
    {
        Fragment.Dispose();
        Done.Dispose();
    }
}
