namespace ConfigRules.Cli.Engine;

/// <summary>Waiting for a rule's judgement on the worker's own thread, the one way every stage of the parallel evaluation does.</summary>
internal static class Synchronously
{
    /// <summary>Offline lookups answer synchronously; a rule that does wait is waited for on this thread.</summary>
    public static T Result<T>(ValueTask<T> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
