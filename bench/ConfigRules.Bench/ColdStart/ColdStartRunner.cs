using System.Diagnostics;
using ConfigRules.Bench.Fixtures;
using ConfigRules.Sdk.Testing;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;

namespace ConfigRules.Bench.ColdStart;

/// <summary>
/// Cold start, Native AOT against JIT, and a Python rule on the same kind of work: for each run a new process of each build (alternating, after one discarded
/// warm-up each) takes one change notification from the loopback Runtime API; the time runs from process start
/// to the invocation's response arriving, which the pipeline sends only after the loopback Config endpoint
/// accepted the evaluation.
/// </summary>
public static class ColdStartRunner
{
    private const string Handler = "lambda-runtime-check";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<ColdStartResult> RunAsync(string bootstrap, string jitBootstrap, int runs)
    {
        if (!File.Exists(bootstrap))
            throw new FileNotFoundException($"The AOT bootstrap {bootstrap} is missing: publish it first (dotnet cake --target=PublishBootstrap).", bootstrap);
        if (!File.Exists(jitBootstrap))
            throw new FileNotFoundException($"The JIT build {jitBootstrap} is missing: dotnet cake --target=Bench publishes it (PublishAot=false) to artifacts/bench/jit.", jitBootstrap);

        var aot = FunctionLauncher.Aot(bootstrap);
        var jit = FunctionLauncher.Jit(jitBootstrap);
        var (pythonExecutable, pythonMissing) = PythonInterpreter.Find();
        var python = pythonExecutable is null ? null : FunctionLauncher.Python(pythonExecutable, PythonRule);
        var payload = ConfigRuleEvents.Change(LambdaFunctionItems.Function(7));
        await using var aws = LoopbackAwsServer.Start();

        await MeasureAsync(aot, Handler, aws, payload);
        await MeasureAsync(jit, Handler, aws, payload);
        if (python is not null) await MeasureAsync(python, PythonHandler, aws, payload);
        var aotSamples = new List<TimeSpan>();
        var jitSamples = new List<TimeSpan>();
        var pythonSamples = new List<TimeSpan>();
        for (var run = 0; run < runs; run++)
        {
            aotSamples.Add(await MeasureAsync(aot, Handler, aws, payload));
            jitSamples.Add(await MeasureAsync(jit, Handler, aws, payload));
            if (python is not null) pythonSamples.Add(await MeasureAsync(python, PythonHandler, aws, payload));
            Console.WriteLine($"[cold] run {run + 1}: AOT {aotSamples[^1].TotalMilliseconds:F1} ms, JIT {jitSamples[^1].TotalMilliseconds:F1} ms" +
                (python is null ? "" : $", Python {pythonSamples[^1].TotalMilliseconds:F1} ms"));
        }

        var jitFolder = Path.GetDirectoryName(jitBootstrap)!;
        var jitSize = Directory.EnumerateFiles(jitFolder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        return new ColdStartResult(
            new ColdStartSeries(aot.Build, aot.Command, aotSamples, new FileInfo(bootstrap).Length, "the self-contained executable"),
            new ColdStartSeries(jit.Build, jit.Command, jitSamples, jitSize, "the app's files, without the shared runtime"))
        {
            Python = python is null ? null
                : new ColdStartSeries(python.Build, python.Command, pythonSamples, new FileInfo(PythonRule).Length, "the script; the interpreter is the runtime's"),
            PythonMissing = pythonMissing,
        };
    }

    /// <summary>lambda-timeout-check in Python, copied beside the suite (ColdStart/python).</summary>
    private static string PythonRule => Path.Combine(AppContext.BaseDirectory, "ColdStart", "python", "lambda_timeout_check.py");

    private const string PythonHandler = "lambda_timeout_check.main";

    private static async Task<TimeSpan> MeasureAsync(FunctionLauncher launcher, string handler, LoopbackAwsServer aws, byte[] payload)
    {
        var acceptedBefore = aws.Config.AcceptedEvaluations.Count;
        await using var runtimeApi = LoopbackRuntimeApi.Start();
        var invocation = runtimeApi.Enqueue(payload, TimeSpan.FromSeconds(30));
        await using var function = launcher.Start(handler, runtimeApi, aws);

        InvocationOutcome outcome;
        try
        {
            outcome = await invocation.WaitAsync(Patience);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{launcher.Build}: {ex.Message}\nOutput:\n{function.Output}", ex);
        }
        if (outcome.IsError)
            throw new InvalidOperationException($"{launcher.Build} failed the invocation: {outcome}\nOutput:\n{function.Output}");
        var accepted = aws.Config.AcceptedEvaluations.Skip(acceptedBefore).ToList();
        if (accepted.Count != 1 || accepted[0].ResourceId != LambdaFunctionItems.FunctionName(7))
            throw new InvalidOperationException($"{launcher.Build} answered, but the Config endpoint accepted {accepted.Count} evaluations instead of the function's one.");
        return Stopwatch.GetElapsedTime(function.StartedTimestamp, outcome.ReportedTimestamp);
    }
}
