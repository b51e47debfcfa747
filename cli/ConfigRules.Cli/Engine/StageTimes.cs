using System.Diagnostics;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// Where an evaluation's time goes, stage by stage, summed over threads: set <c>CONFIGRULES_PROFILE=1</c> and the
/// CLI writes the breakdown to stderr at the end (the bench quotes it). Off, it costs one branch per stage.
/// </summary>
internal sealed class StageTimes
{
    public static StageTimes? FromEnvironment() =>
        Environment.GetEnvironmentVariable("CONFIGRULES_PROFILE") is "1" or "true" ? new StageTimes() : null;

    private long _split, _parse, _judge, _judgeAhead, _judgeLater, _write, _spool, _readBack;

    /// <summary>Splitting the input into items (the reader thread, without its waits for a free batch).</summary>
    public void Split(long start) => Interlocked.Add(ref _split, Stopwatch.GetTimestamp() - start);

    /// <summary>Parsing items into the rules' model, first look and again at the end.</summary>
    public void Parse(long start) => Interlocked.Add(ref _parse, Stopwatch.GetTimestamp() - start);

    /// <summary>Judging and rendering, by the rules that need nothing else.</summary>
    public void Judge(long start) => Interlocked.Add(ref _judge, Stopwatch.GetTimestamp() - start);

    /// <summary>Judging and rendering, by the rules with lookups, ahead of the input's end.</summary>
    public void JudgeAhead(long start) => Interlocked.Add(ref _judgeAhead, Stopwatch.GetTimestamp() - start);

    /// <summary>Judging and rendering, by the rules with lookups, at the end.</summary>
    public void JudgeLater(long start) => Interlocked.Add(ref _judgeLater, Stopwatch.GetTimestamp() - start);

    /// <summary>Writing rendered fragments to the output (the writing thread).</summary>
    public void Write(long start) => Interlocked.Add(ref _write, Stopwatch.GetTimestamp() - start);

    /// <summary>Keeping waiting items on disk.</summary>
    public void Spool(long start) => Interlocked.Add(ref _spool, Stopwatch.GetTimestamp() - start);

    /// <summary>Reading waiting items back (the reader thread, at the end).</summary>
    public void ReadBack(long start) => Interlocked.Add(ref _readBack, Stopwatch.GetTimestamp() - start);

    public void Report(TextWriter error, TimeSpan wall, long items, long waiting, long keptAhead)
    {
        static string Ms(long ticks) => $"{ticks * 1000.0 / Stopwatch.Frequency:F0} ms";
        error.WriteLine($"configrules: profile: {items} items ({waiting} waited for related items, {keptAhead} of them judged ahead and kept) in {wall.TotalMilliseconds:F0} ms wall; thread time by stage: " +
                        $"split {Ms(_split)}, parse {Ms(_parse)}, judge+render {Ms(_judge)}, judge+render ahead {Ms(_judgeAhead)}, judge+render at the end {Ms(_judgeLater)}, " +
                        $"write {Ms(_write)}, spool {Ms(_spool)}, read back {Ms(_readBack)}.");
    }
}
