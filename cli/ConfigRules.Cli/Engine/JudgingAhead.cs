using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using ConfigRules.Cli.Input;
using ConfigRules.Cli.Reporting;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// One worker's judging of items by rules with lookups as soon as the items are read, with the related items known
/// so far: the findings are rendered and kept beside the waiting item with what the rules read (each answer and
/// its version), and at the end of the input the item is judged again only if one of those answers changed (its
/// role, web ACL or an alarm came later). Most items are then never read twice.
/// </summary>
/// <remarks>
/// Only for formats that render findings apart (<see cref="FindingFragment.Rendered"/>) and rules whose indexes
/// report their reads (<see cref="RelatedItems.CanJudgeAhead"/>); other items wait as before.
/// </remarks>
internal sealed class JudgingAhead(EvaluationEngine engine, RelatedItems related, RuleSet rules, FindingFragment scratch) : IDisposable
{
    private readonly LookupReads _reads = new();
    private readonly FindingSummary _summary = new();
    private readonly ArrayBufferWriter<byte> _encodedReads = new(256);
    private readonly List<string> _failures = [];
    private RuleContext _context = engine.ContextAhead();
    private long _contextGeneration = related.Generation;

    /// <summary>The rules of the selection that may judge ahead, when the report renders apart; else none.</summary>
    public static RuleSet RulesFor(EvaluationEngine engine, RelatedItems related, FindingFragment probe) =>
        probe.Rendered is null ? RuleSet.None : RuleSet.Where(engine.Rules, rule => related.CanJudgeAhead(rule.Definition));

    /// <summary>
    /// Judges the item by the waiting rules now and keeps the rendering in <paramref name="batch"/>; null when
    /// a waiting rule cannot judge ahead or failed (the item is then judged at the end only).
    /// </summary>
    public JudgedAhead? TryJudge(ConfigurationItem item, RuleSet waiting, ItemBatch batch, CancellationToken cancellationToken)
    {
        if (!waiting.Without(rules).IsEmpty) return null;
        _reads.Clear();
        _summary.Clear();
        scratch.Clear();
        bool judged;
        using (related.ReadingAhead())
        using (_reads.Record())
        {
            // The memo's listings are kept while no related item comes (they would still be right, but judged again).
            if (related.Generation != _contextGeneration) (_context, _contextGeneration) = (engine.ContextAhead(), related.Generation);
            judged = Synchronously.Result(engine.JudgeAheadAsync(item, scratch, _summary, waiting, _context, _failures, cancellationToken));
        }
        if (!judged) return null;
        _encodedReads.ResetWrittenCount();
        ReadRecords.Write(_reads.Reads, related, _encodedReads);
        return batch.KeepAhead(scratch.Rendered!.Value.Span, _encodedReads.WrittenSpan, _summary.Counts);
    }

    public void Dispose() => scratch.Dispose();
}

/// <summary>Where a batch keeps an item's findings rendered ahead (in <see cref="ItemBatch.Rendered"/> and <see cref="ItemBatch.Reads"/>), and their counts.</summary>
internal readonly record struct JudgedAhead(int Start, int RenderedLength, int ReadsLength, FindingCounts Counts);

/// <summary>
/// The answers a judgement read, as bytes kept beside the waiting item: per read
/// <c>[index:int32][version:int64][key length:int32, -1 for a listing][key:UTF-8]</c>, little-endian.
/// </summary>
internal static class ReadRecords
{
    public static void Write(IReadOnlyList<LookupRead> reads, RelatedItems related, IBufferWriter<byte> output)
    {
        foreach (var read in reads)
        {
            var keyLength = read.Key is null ? -1 : Encoding.UTF8.GetByteCount(read.Key);
            var span = output.GetSpan(16 + Math.Max(0, keyLength));
            BinaryPrimitives.WriteInt32LittleEndian(span, related.IndexNumber(read.Index));
            BinaryPrimitives.WriteInt64LittleEndian(span[4..], read.Version);
            BinaryPrimitives.WriteInt32LittleEndian(span[12..], keyLength);
            if (read.Key is not null) Encoding.UTF8.GetBytes(read.Key, span[16..]);
            output.Advance(16 + Math.Max(0, keyLength));
        }
    }

    /// <summary>True when every answer read is still what the index answers (nothing of its key, or for a listing nothing at all, came since).</summary>
    public static bool AllCurrent(ReadOnlySpan<byte> reads, RelatedItems related)
    {
        while (reads.Length > 0)
        {
            var index = related.Indexes[BinaryPrimitives.ReadInt32LittleEndian(reads)];
            var version = BinaryPrimitives.ReadInt64LittleEndian(reads[4..]);
            var keyLength = BinaryPrimitives.ReadInt32LittleEndian(reads[12..]);
            var key = keyLength < 0 ? null : Encoding.UTF8.GetString(reads.Slice(16, keyLength));
            if (index.VersionOf(key) != version) return false;
            reads = reads[(16 + Math.Max(0, keyLength))..];
        }
        return true;
    }
}
