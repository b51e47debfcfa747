using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using ConfigRules.Cli.Input;
using ConfigRules.Cli.Reporting;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// Evaluates streams of JSON on every core, in one pass: a reader thread splits the inputs into items (without
/// parsing them) and hands them out in batches; workers parse each item once, feed the related items to the
/// lookups' indexes, judge it and render the findings; the calling thread writes the batches in input order, so
/// the report is the same whatever the timing.
/// </summary>
/// <remarks>
/// Rules with offline lookups (<see cref="Framework.Rules.RuleDefinition.RelatedResourceTypes"/>) cannot judge an item
/// before the whole input is read: the role, web ACL or alarm it needs may come later, and a lookup such as "the
/// account's alarms" is only complete at the end. Their (rule, item) pairs wait in <see cref="WaitingItems"/> (on disk,
/// not in memory); their findings follow the others'. Where the report renders apart, they judge ahead with what is
/// known so far (<see cref="JudgingAhead"/>) and only the items whose answers changed by the end are read and
/// judged again, after the input, on every core again.
/// A fixed number of batches circulate between the threads, so memory does not grow with the input.
/// </remarks>
internal sealed class ParallelEvaluation : IDisposable
{
    private readonly EvaluationEngine _engine;
    private readonly RelatedItems _related;
    private readonly IReporter _reporter;
    private readonly RuleSet _all;
    private readonly RuleSet _deferrable;
    private readonly RuleSet _ahead;
    private readonly BlockingCollection<ItemBatch> _free = [];
    private readonly int _workers;

    public ParallelEvaluation(EvaluationEngine engine, RelatedItems related, IReporter reporter, int workers)
    {
        _engine = engine;
        _related = related;
        _reporter = reporter;
        _workers = Math.Max(1, workers);
        _all = RuleSet.All(engine.Rules.Count);
        _deferrable = RuleSet.Where(engine.Rules, rule => rule.Definition.RelatedResourceTypes.Count > 0);
        using (var probe = reporter.CreateFragment()) _ahead = JudgingAhead.RulesFor(engine, related, probe).Intersect(_deferrable);
        // Three batches per worker: one being filled, one being judged, one being written.
        for (var i = 0; i < 3 * _workers; i++) _free.Add(new ItemBatch(reporter.CreateFragment()));
    }

    /// <summary>Called by the writing thread after each batch: raw bytes read, their total, items evaluated.</summary>
    public Action<long, long, long>? Progress { get; init; }

    /// <summary>Times by stage when profiling (<see cref="StageTimes.FromEnvironment"/>), else null.</summary>
    public StageTimes? Times { get; init; }

    public long Items { get; private set; }

    public long Waited { get; private set; }

    /// <summary>Of the waiting items, those whose findings judged ahead were kept at the end.</summary>
    public long KeptAhead { get; private set; }

    /// <summary>Evaluates every item of the inputs; returns the problems met, in input order.</summary>
    public List<InputProblem> Run(IReadOnlyList<JsonInput> inputs, CancellationToken cancellationToken)
    {
        var problems = new List<InputProblem>();
        using var waiting = new WaitingItems();
        var total = inputs.Sum(input => input.Length ?? 0);
        RunPhase(batches => BatchReader.ReadInputs(inputs, batches), waiting, problems, total, cancellationToken);
        Waited = waiting.Count;
        if (waiting.Count > 0)
        {
            waiting.Rewind(input => inputs[input].Open());
            var spooled = waiting.Length;
            RunPhase(batches => BatchReader.ReadWaiting(waiting, reads => ReadRecords.AllCurrent(reads, _related), batches), null, problems, spooled, cancellationToken);
            KeptAhead = waiting.KeptAhead;
        }
        return problems;
    }

    private void RunPhase(Action<BatchReader> read, WaitingItems? waiting, List<InputProblem> problems, long totalBytes, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var work = new BlockingCollection<ItemBatch>();
        using var ordered = new BlockingCollection<ItemBatch>();
        var reader = Task.Factory.StartNew(() =>
        {
            try
            {
                read(new BatchReader(_free, work, ordered, Times, stop.Token));
            }
            finally
            {
                work.CompleteAdding();
                ordered.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var workers = Enumerable.Range(0, _workers)
            .Select(_ => Task.Factory.StartNew(() => Work(work, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            long items = 0;
            foreach (var batch in ordered.GetConsumingEnumerable(stop.Token))
            {
                batch.Done.Wait(stop.Token);
                if (batch.Failure is { } failure) throw new AggregateException(failure);
                var started = Stopwatch.GetTimestamp();
                _reporter.Append(batch.Fragment);
                Times?.Write(started);
                _engine.Summary.Add(batch.Summary);
                problems.AddRange(batch.ItemProblems);
                problems.AddRange(batch.ReadProblems);
                started = Stopwatch.GetTimestamp();
                foreach (var (index, rules, ahead) in batch.Waiting)
                {
                    var item = batch.Items[index];
                    waiting!.Add(batch.Json(item).Span, item.File, item.Line, rules, item.Input, item.Offset,
                        ahead?.Counts, batch.Rendered(ahead), batch.Reads(ahead));
                }
                Times?.Spool(started);
                items += batch.Items.Count;
                if (waiting is not null) Items += batch.Items.Count;
                Progress?.Invoke(batch.BytesRead, totalBytes, items);
                batch.Reset();
                _free.Add(batch, stop.Token);
            }
        }
        catch
        {
            stop.Cancel(); // the reader and the workers stop at their next hand-over
            throw;
        }
        finally
        {
            try
            {
                Task.WaitAll([reader, .. workers]);
            }
            catch (AggregateException) when (stop.IsCancellationRequested)
            {
                // Already failing or cancelled: the first error is the one that propagates.
            }
            catch (AggregateException ex)
            {
                // The reader failed on something other than an input (which it reports as a problem): as if thrown here.
                ExceptionDispatchInfo.Throw(ex.Flatten().InnerExceptions[0]);
            }
        }
    }

    private void Work(BlockingCollection<ItemBatch> work, CancellationToken cancellationToken)
    {
        using var ahead = _ahead.IsEmpty ? null : new JudgingAhead(_engine, _related, _ahead, _reporter.CreateFragment());
        foreach (var batch in work.GetConsumingEnumerable(cancellationToken))
        {
            try
            {
                Judge(batch, ahead, cancellationToken);
            }
            catch (Exception ex)
            {
                batch.Failure = ex; // the writer rethrows it in order, and stops everything
            }
            batch.Done.Set();
        }
    }

    private void Judge(ItemBatch batch, JudgingAhead? ahead, CancellationToken cancellationToken)
    {
        for (var index = 0; index < batch.Items.Count; index++)
        {
            var entry = batch.Items[index];
            if (entry.Rendered is { } counts)
            {
                batch.Fragment.AddRendered(batch.Json(entry).Span);
                batch.Summary.Add(counts);
                continue;
            }
            ParsedItem parsed;
            var started = Stopwatch.GetTimestamp();
            try
            {
                parsed = ConfigurationItemParser.Parse(batch.Json(entry), new SourceLocation(entry.File, (int)entry.Line));
            }
            catch (InvalidConfigurationItemException ex)
            {
                batch.ItemProblems.Add(new InputProblem(entry.File, entry.Line, ex.Message));
                continue;
            }
            Times?.Parse(started);
            using (parsed)
            {
                started = Stopwatch.GetTimestamp();
                if (entry.Waiting.IsEmpty)
                {
                    _related.Add(parsed.Item);
                    var deferred = Synchronously.Result(_engine.EvaluateAsync(parsed.Item, batch.Fragment, batch.Summary, _all, _deferrable, cancellationToken));
                    Times?.Judge(started);
                    if (deferred.IsEmpty) continue;
                    started = Stopwatch.GetTimestamp();
                    batch.Waiting.Add((index, deferred, ahead?.TryJudge(parsed.Item, deferred, batch, cancellationToken)));
                    Times?.JudgeAhead(started);
                }
                else
                {
                    Synchronously.Result(_engine.JudgeAsync(parsed.Item, batch.Fragment, batch.Summary, entry.Waiting, cancellationToken));
                    Times?.JudgeLater(started);
                }
            }
        }
    }

    public void Dispose()
    {
        while (_free.TryTake(out var batch)) batch.Dispose();
        _free.Dispose();
    }
}
