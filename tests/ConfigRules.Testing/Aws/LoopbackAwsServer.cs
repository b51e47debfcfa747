using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ConfigRules.Testing.Aws;

/// <summary>
/// A fake AWS account on 127.0.0.1 for integration tests. Every request's SigV4 signature and session token are
/// verified independently, its body shape is checked against the service model, and it is answered from
/// in-memory fakes (Config, Lambda, IAM, SNS, API Gateway, STS, S3) unless a fault was queued. Point a process at it
/// with <see cref="EnvironmentVariables"/> (AWS_ENDPOINT_URL, fake credentials, AWS_REGION).
/// </summary>
public sealed class LoopbackAwsServer : IAsyncDisposable, IDisposable
{
    public const string AccessKeyId = "AKIDLOOPBACKEXAMPLE";
    public const string SecretAccessKey = "loopback/Secret+Key/EXAMPLEKEY0000000000";
    public const string SessionToken = "IQoJb3JpZ2luX2VjEExampleLoopbackSessionToken/+=";

    private readonly HttpListener _listener;
    private readonly SigV4RequestVerifier _verifier;
    private readonly Dictionary<string, LoopbackServiceRoute> _routes;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _acceptLoop;
    private readonly CancellationTokenSource _stopping = new();

    private LoopbackAwsServer(HttpListener listener, Uri baseUrl, string region, bool withSessionToken, TimeProvider time)
    {
        _listener = listener;
        BaseUrl = baseUrl;
        Region = region;
        UsesSessionToken = withSessionToken;
        Time = time;
        Sts = new FakeStsService(time);
        _verifier = new SigV4RequestVerifier(AccessKeyId, SecretAccessKey, withSessionToken ? SessionToken : null, time, Sts.Valid);
        _routes = new LoopbackServiceRoute[]
        {
            new("config", WireProtocol.AwsJson, false, LoopbackServiceRoute.AwsJsonOperation("StarlingDoveService"), Config.Handle, 400, "ThrottlingException"),
            new("lambda", WireProtocol.RestJson, false, FakeLambdaService.OperationOf, Lambda.Handle, 429, "TooManyRequestsException"),
            new("iam", WireProtocol.AwsQuery, true, LoopbackServiceRoute.AwsQueryOperation(FakeIamService.Version), Iam.Handle, 400, "Throttling"),
            new("sns", WireProtocol.AwsQuery, false, LoopbackServiceRoute.AwsQueryOperation(FakeSnsService.Version), Sns.Handle, 400, "Throttling"),
            new("apigateway", WireProtocol.RestJson, false, FakeApiGatewayService.OperationOf, ApiGateway.Handle, 429, "TooManyRequestsException"),
            new("sts", WireProtocol.AwsQuery, false, LoopbackServiceRoute.AwsQueryOperation(FakeStsService.Version), Sts.Handle, 400, "Throttling"),
            new("s3", WireProtocol.RestXml, false, FakeS3Service.OperationOf, S3.Handle, 503, "SlowDown"),
            new("wafv2", WireProtocol.AwsJson, false, LoopbackServiceRoute.AwsJsonOperation(FakeWafV2Service.TargetPrefix), WafV2.Handle, 400, "ThrottlingException"),
            new("monitoring", WireProtocol.AwsQuery, false, LoopbackServiceRoute.AwsQueryOperation(FakeCloudWatchService.Version), CloudWatch.Handle, 400, "Throttling"),
            new("cloudtrail", WireProtocol.AwsJson, false, LoopbackServiceRoute.AwsJsonOperation(FakeCloudTrailService.TargetPrefix), CloudTrail.Handle, 400, "ThrottlingException"),
        }.ToDictionary(r => r.SigningName, StringComparer.Ordinal);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Starts a server on a free loopback port. Without a session token the credentials are long-term keys.</summary>
    public static LoopbackAwsServer Start(string region = "us-east-1", bool withSessionToken = true, TimeProvider? time = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            var baseUrl = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(baseUrl.ToString());
            try
            {
                listener.Start();
                return new LoopbackAwsServer(listener, baseUrl, region, withSessionToken, time ?? TimeProvider.System);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    public Uri BaseUrl { get; }
    public string Region { get; }
    public bool UsesSessionToken { get; }
    public TimeProvider Time { get; }

    public FakeConfigService Config { get; } = new();
    public FakeLambdaService Lambda { get; } = new();
    public FakeIamService Iam { get; } = new();
    public FakeSnsService Sns { get; } = new();
    public FakeApiGatewayService ApiGateway { get; } = new();
    public FakeStsService Sts { get; }
    public FakeS3Service S3 { get; } = new();
    public FakeWafV2Service WafV2 { get; } = new();
    public FakeCloudWatchService CloudWatch { get; } = new();
    public FakeCloudTrailService CloudTrail { get; } = new();
    public FaultInjector Faults { get; } = new();
    public HeldAnswers HeldAnswers { get; } = new();

    /// <summary>The variables that point an AWS client (this package's, the AWS CLI, an SDK) at this server.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables
    {
        get
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_ENDPOINT_URL"] = BaseUrl.ToString().TrimEnd('/'),
                ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
                ["AWS_REGION"] = Region,
                ["AWS_DEFAULT_REGION"] = Region,
            };
            if (UsesSessionToken) variables["AWS_SESSION_TOKEN"] = SessionToken;
            return variables;
        }
    }

    /// <summary>Sets <see cref="EnvironmentVariables"/> on a process about to start, clearing profile settings that could override them.</summary>
    public void ApplyTo(ProcessStartInfo startInfo)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        foreach (var name in new[] { "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" })
            startInfo.Environment.Remove(name);
        foreach (var (name, value) in EnvironmentVariables) startInfo.Environment[name] = value;
    }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> RequestsFor(string service, string? operation = null) =>
        [.. _requests.Where(r => r.Service == service && (operation is null || r.Operation == operation))];

    public void ClearRequests() => _requests.Clear();

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => new LoopbackExchange(this, context).RunAsync(_stopping.Token));
        }
    }

    internal SigV4RequestVerifier Verifier => _verifier;

    internal LoopbackServiceRoute? Route(string? signingName) => signingName is not null && _routes.TryGetValue(signingName, out var route) ? route : null;

    internal void Record(RecordedRequest request) => _requests.Enqueue(request);

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        await _acceptLoop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
