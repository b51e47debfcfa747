using System.Collections.Concurrent;
using System.Diagnostics;
using ConfigRules.Cli.Input;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// The reading side of <see cref="ParallelEvaluation"/>: fills batches with items' raw JSON and hands each to the
/// workers and, in order, to the writer. Waits for a free batch when all are in use, which is what bounds memory.
/// </summary>
internal sealed class BatchReader(BlockingCollection<ItemBatch> free, BlockingCollection<ItemBatch> work, BlockingCollection<ItemBatch> ordered,
    StageTimes? times, CancellationToken cancellationToken)
{
    private ItemBatch? _current;

    private StageTimes? Times => times;
    private long _bytesDone;

    /// <summary>The inputs, every item read once. A broken input stops where it breaks; the others go on.</summary>
    public static void ReadInputs(IReadOnlyList<JsonInput> inputs, BatchReader batches)
    {
        for (var index = 0; index < inputs.Count; index++)
        {
            var input = inputs[index];
            OpenedInput? opened = null;
            try
            {
                opened = input.Open();
                var addressable = opened.Addressable;
                var reader = new ConfigurationItemStreamReader(opened.Content, input.Name);
                var started = Stopwatch.GetTimestamp();
                while (reader.TryReadNextRaw(out var json, out var line, out var offset))
                {
                    var batch = batches.Current(ref started);
                    // A document that is no item (an oversized change notification): its problem, in place of an item.
                    if (reader.Problem is { } problem) batch.ReadProblems.Add(problem);
                    else batch.Add(json, input.Name, line, RuleSet.None, index, addressable ? offset : -1);
                    if (batch.IsFull) batches.Post(opened.RawPosition);
                }
                batches.Times?.Split(started);
            }
            catch (InputException ex)
            {
                batches.Stop(ex.Problem);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                batches.Stop(new InputProblem(input.Name, null, $"cannot be read: {ex.Message}"));
            }
            finally
            {
                batches._bytesDone += opened?.RawPosition ?? 0;
                opened?.Dispose();
            }
        }
        batches.Post(0);
    }

    /// <summary>
    /// The items that waited for related items, read back in the order they were met: the findings of those judged
    /// ahead whose reads are still the answers (<paramref name="stillRight"/>), the others' JSON to judge again.
    /// </summary>
    public static void ReadWaiting(WaitingItems waiting, Func<ReadOnlySpan<byte>, bool> stillRight, BatchReader batches)
    {
        var started = Stopwatch.GetTimestamp();
        while (waiting.TryReadNext(stillRight, out var read))
        {
            var batch = batches.Current(ref started);
            if (read.Counts is { } counts) batch.AddRendered(read.Bytes.Span, read.File, read.Line, counts);
            else batch.Add(read.Bytes.Span, read.File, read.Line, read.Rules);
            if (batch.IsFull) batches.Post(waiting.Position);
        }
        batches.Times?.ReadBack(started);
        batches.Post(waiting.Position);
    }

    /// <summary>An input stopped: its problem follows its items' problems, and comes before the next input's.</summary>
    private void Stop(InputProblem problem)
    {
        Current().ReadProblems.Add(problem);
        Post(0);
    }

    private ItemBatch Current() => _current ??= free.Take(cancellationToken);

    /// <summary>The batch to fill; time spent waiting for a free one is not counted as reading (<paramref name="started"/> moves on).</summary>
    private ItemBatch Current(ref long started)
    {
        if (_current is not null || times is null) return Current();
        var waitFrom = Stopwatch.GetTimestamp();
        var batch = Current();
        started += Stopwatch.GetTimestamp() - waitFrom;
        return batch;
    }

    /// <summary>Hands the current batch on (if it holds anything); <paramref name="position"/> is how far the current input is read.</summary>
    private void Post(long position)
    {
        if (_current is not { IsEmpty: false } batch) return;
        batch.BytesRead = _bytesDone + position;
        work.Add(batch, cancellationToken);
        ordered.Add(batch, cancellationToken);
        _current = null;
    }
}
