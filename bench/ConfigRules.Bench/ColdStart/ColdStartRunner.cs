namespace ConfigRules.Bench.ColdStart;

/// <summary>Cold start of the bootstrap, AOT against JIT: measured once the serving loop and its loopback Runtime API exist.</summary>
public static class ColdStartRunner
{
    public static Task<ColdStartResult> RunAsync(string bootstrap, string jitBootstrap, int runs) =>
        throw new InvalidOperationException("the bootstrap's serving loop and the loopback Runtime API are not on this branch yet.");
}
