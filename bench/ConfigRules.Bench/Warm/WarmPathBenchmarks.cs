using System.Text;
using BenchmarkDotNet.Attributes;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;
using ConfigRules.Bench.Fixtures;
using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaRuntime;
using ConfigRules.Sdk.Testing;

namespace ConfigRules.Bench.Warm;

/// <summary>
/// One warm invocation of lambda-runtime-check without the network, in three cuts: parsing the event, parsing and
/// judging the item, and the whole invocation (parse, judge, build, serialize and sign the PutEvaluations
/// request through the real Config client, answered in memory).
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the client.")]
public class WarmPathBenchmarks
{
    public const int OneMegabyte = 1_048_576;

    private byte[] _event = [];
    private RuleInvocationPipeline _pipeline = null!;
    private CapturingConfigHandler _handler = null!;
    private HttpClient _http = null!;
    private readonly IConfigRule _rule = new LambdaRuntimeCheck();
    private readonly RuleContext _context = new(new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero), RuleServices.Empty);

    /// <summary>Typical: a realistic function item (about 2 KB); OneMegabyte: the same function padded to about 1 MB.</summary>
    [Params("Typical", "OneMegabyte")]
    public string Item { get; set; } = "Typical";

    [GlobalSetup]
    public void Setup()
    {
        _event = BuildEvent(Item);
        _handler = new CapturingConfigHandler();
        _http = new HttpClient(_handler);
        var transport = new AwsTransport(new StaticCredentialsProvider(new AwsCredentials("AKIDBENCHEXAMPLE", "bench/secret/key", "bench-session-token")), _http);
        var client = new ConfigServiceClient(transport, new AwsEndpoint(new Uri("https://config.eu-west-1.amazonaws.com/"), "eu-west-1", "config"));
        _pipeline = new RuleInvocationPipeline(_rule, client, RuleServices.Empty, new FixedTime(_context.Now));
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    public static byte[] BuildItem(string item) => Encoding.UTF8.GetBytes(Function(item).ToJson());

    public static byte[] BuildEvent(string item) => ConfigRuleEvents.Change(Function(item));

    private static ConfigurationItemBuilder Function(string item) => LambdaFunctionItems.Function(7, item == "OneMegabyte" ? OneMegabyte : 0);

    [Benchmark(Description = "Parse the event")]
    public ConfigRuleEvent Parse() => ConfigRuleEventParser.Parse(_event);

    [Benchmark(Description = "Parse and judge")]
    public async Task<Evaluation> ParseAndJudge()
    {
        var evt = ConfigRuleEventParser.Parse(_event);
        var parameters = _rule.ParseParameters(evt.RuleParameters);
        return await ItemEvaluator.EvaluateAsync(_rule, parameters, evt.ConfigurationItem!, _context, evt.ConfigurationItem!.CaptureTime!.Value, CancellationToken.None);
    }

    [Benchmark(Description = "Whole invocation (parse, judge, PutEvaluations body serialized and signed)")]
    public async Task<InvocationReport> Invocation()
    {
        var evt = ConfigRuleEventParser.Parse(_event);
        return await _pipeline.HandleAsync(evt, CancellationToken.None);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
