using System.Diagnostics;
using System.Net;
using ConfigRules.Aws;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Bench.Fixtures;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaRuntime;
using ConfigRules.Sdk.Testing;
using ConfigRules.Testing.Aws;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Bench.Periodic;

/// <summary>The calls one periodic run made against the minimum the batch limits allow.</summary>
public sealed record ApiCallCount(string Operation, int Made, int Minimum, string Why)
{
    /// <summary>From the run's start: the first call's start and the last call's end.</summary>
    public (TimeSpan From, TimeSpan To) Span { get; init; }
}

public sealed record PeriodicScaleResult(
    int Functions, int Stale, int MaxConcurrentBatches, TimeSpan Latency, TimeSpan Wall, int Evaluations, int MaxInFlight,
    IReadOnlyList<ApiCallCount> Calls, int Accepted)
{
    public bool CallsAreMinimal => Calls.All(c => c.Made == c.Minimum);
}

/// <summary>
/// A periodic lambda-runtime-check run over a loopback Config account of N functions, through the real
/// pipeline and Config client (SigV4-signed, verified by the loopback server). The account is in its steady
/// state: every function holds a result from the previous run, and some deleted functions hold stale ones.
/// </summary>
public static class PeriodicScaleRunner
{
    public static async Task<PeriodicScaleResult> RunAsync(int functions, int stale, int maxConcurrentBatches, TimeSpan latency)
    {
        await using var server = LoopbackAwsServer.Start(LambdaFunctionItems.Region);
        var rule = new LambdaRuntimeCheck();
        Seed(server.Config, functions, stale);

        var counter = new InFlightCounter(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }, latency);
        using var http = new HttpClient(counter) { Timeout = Timeout.InfiniteTimeSpan };
        var environment = new DictionaryEnvironmentVariables(server.EnvironmentVariables);
        var credentials = new AwsCredentials(LoopbackAwsServer.AccessKeyId, LoopbackAwsServer.SecretAccessKey, LoopbackAwsServer.SessionToken);
        var context = AwsClientContext.FromEnvironment(environment, new StaticCredentialsProvider(credentials), http);
        var pipeline = new RuleInvocationPipeline(rule, ConfigServiceClient.Create(context), RuleServices.Empty, TimeProvider.System,
            new PipelineOptions { MaxConcurrentBatches = maxConcurrentBatches });
        var evt = ConfigRuleEventParser.Parse(ConfigRuleEvents.Scheduled());

        var started = counter.Now;
        var stopwatch = Stopwatch.StartNew();
        var report = await pipeline.HandleAsync(evt, CancellationToken.None);
        stopwatch.Stop();

        var batches = Pages(functions);
        var calls = new List<ApiCallCount>
        {
            new("ListDiscoveredResources", Made(counter, "ListDiscoveredResources"), batches, $"{functions:N0} functions, 100 per page"),
            new("BatchGetResourceConfig", Made(counter, "BatchGetResourceConfig"), batches, $"{functions:N0} keys, 100 per call"),
            new("PutEvaluations", Made(counter, "PutEvaluations"), Pages(functions + stale), $"{functions + stale:N0} evaluations (incl. {stale} stale), 100 per call"),
            new("GetComplianceDetailsByConfigRule", Made(counter, "GetComplianceDetailsByConfigRule"), Pages(functions + stale), $"{functions + stale:N0} stored results, 100 per page"),
        };
        var spans = counter.Spans;
        calls = [.. calls.Select(c => c with { Span = spans.TryGetValue(c.Operation, out var span) ? (span.From - started, span.To - started) : default })];
        var others = counter.Calls.Where(c => calls.All(k => k.Operation != c.Key)).ToList();
        calls.AddRange(others.Select(o => new ApiCallCount(o.Key, o.Value, 0, "not needed")));
        return new PeriodicScaleResult(functions, stale, maxConcurrentBatches, latency, stopwatch.Elapsed, report.Evaluations, counter.MaxInFlight,
            calls, server.Config.AcceptedEvaluations.Count);
    }

    private static void Seed(FakeConfigService config, int functions, int stale)
    {
        for (var i = 0; i < functions; i++)
        {
            var name = LambdaFunctionItems.FunctionName(i);
            config.Put(new FakeResource
            {
                ResourceType = LambdaFunctionItems.ResourceType,
                ResourceId = name,
                ResourceName = name,
                Arn = LambdaFunctionItems.Arn(i),
                AccountId = LambdaFunctionItems.Account,
                AwsRegion = LambdaFunctionItems.Region,
                Configuration = LambdaFunctionItems.Configuration(i),
            });
            config.SeedResult(ConfigRuleEvents.DefaultConfigRuleName, LambdaFunctionItems.ResourceType, name, "COMPLIANT");
        }
        for (var i = 0; i < stale; i++)
            config.SeedResult(ConfigRuleEvents.DefaultConfigRuleName, LambdaFunctionItems.ResourceType, $"deleted-function-{i:D4}", "NON_COMPLIANT");
    }

    private static int Made(InFlightCounter counter, string operation) => counter.Calls.GetValueOrDefault(operation);

    private static int Pages(int count) => (count + RuleInvocationPipeline.BatchSize - 1) / RuleInvocationPipeline.BatchSize;
}
