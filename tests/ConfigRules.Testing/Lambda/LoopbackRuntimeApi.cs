using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace ConfigRules.Testing.Lambda;

/// <summary>
/// The Lambda Runtime API (2018-06-01) on 127.0.0.1, for a bootstrap under test: <c>/invocation/next</c> serves
/// queued events with request ids and deadlines and long-polls while the queue is empty; <c>/response</c>,
/// <c>/error</c> and <c>/init/error</c> complete them. Every request is recorded. A second outcome for the same
/// invocation is refused (HTTP 400) and counted, so tests can assert exactly one outcome each.
/// </summary>
public sealed class LoopbackRuntimeApi : IAsyncDisposable
{
    public const string DefaultFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:config-rules-test";

    private const string Prefix = "/2018-06-01/runtime/";
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _dispatched = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRuntimeRequest> _requests = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly TaskCompletionSource<InvocationOutcome> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _acceptLoop;
    private readonly TimeProvider _time;
    private int _pollFailuresToInject;
    private HttpStatusCode _injectedStatus = HttpStatusCode.InternalServerError;
    private int _reportFailuresToInject;
    private int _duplicateReports;
    private int _sequence;

    private LoopbackRuntimeApi(HttpListener listener, int port, TimeProvider time)
    {
        _listener = listener;
        Port = port;
        _time = time;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>
    /// Starts the server on a free loopback port. Deadlines and outcome times come from <paramref name="time"/>: give it
    /// the runtime's fake clock and a test controls when an invocation's deadline arrives.
    /// </summary>
    public static LoopbackRuntimeApi Start(TimeProvider? time = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LoopbackRuntimeApi(listener, port, time ?? TimeProvider.System);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close(); // the port was taken between probing and binding: try another
            }
        }
    }

    public int Port { get; }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public IReadOnlyList<RecordedRuntimeRequest> Requests => [.. _requests];

    /// <summary>How many GET /invocation/next requests arrived (including refused ones).</summary>
    public int PollCount => _requests.Count(r => r.Path.EndsWith("/invocation/next", StringComparison.Ordinal));

    /// <summary>Reports refused because the invocation already had its outcome (should stay 0).</summary>
    public int DuplicateReports => Volatile.Read(ref _duplicateReports);

    /// <summary>Requests the server could not serve (unknown paths, write failures): tests expect none.</summary>
    public IReadOnlyList<string> ServerErrors => [.. _serverErrors];

    public Task<InvocationOutcome> InitError => _initError.Task;

    /// <summary>Queues an event; the runtime gets it on its next poll with deadline = then + <paramref name="timeout"/>.</summary>
    public PendingInvocation Enqueue(byte[] payload, TimeSpan? timeout = null, string? requestId = null, string? traceId = null, string functionArn = DefaultFunctionArn)
    {
        var id = requestId ?? $"req-{Interlocked.Increment(ref _sequence):D4}-{Guid.NewGuid():N}";
        var invocation = new PendingInvocation(id, payload, timeout ?? TimeSpan.FromSeconds(30), traceId, functionArn);
        if (!_queue.Writer.TryWrite(invocation)) throw new InvalidOperationException("The loopback Runtime API is shut down.");
        return invocation;
    }

    public PendingInvocation Enqueue(string payload, TimeSpan? timeout = null, string? requestId = null, string? traceId = null) =>
        Enqueue(Encoding.UTF8.GetBytes(payload), timeout, requestId, traceId);

    /// <summary>The next <paramref name="count"/> polls of /invocation/next are answered with <paramref name="status"/>.</summary>
    public void FailNextPolls(int count, HttpStatusCode status = HttpStatusCode.InternalServerError)
    {
        _injectedStatus = status;
        Volatile.Write(ref _pollFailuresToInject, count);
    }

    /// <summary>The next <paramref name="count"/> /response or /error posts are refused with HTTP 500 and complete nothing.</summary>
    public void FailNextReports(int count) => Volatile.Write(ref _reportFailuresToInject, count);

    public async Task<InvocationOutcome> WaitForInitErrorAsync(TimeSpan timeout)
    {
        try
        {
            return await InitError.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No /init/error within {timeout.TotalSeconds} s.", ex);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_shutdown.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_shutdown.IsCancellationRequested)
            {
                return; // Close() ends the pending accept
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url?.AbsolutePath ?? string.Empty;
        try
        {
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
            var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            _requests.Enqueue(new RecordedRuntimeRequest(request.HttpMethod, path, headers, buffer.ToArray(), _time.GetUtcNow()));

            var route = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..] : null;
            switch (request.HttpMethod, route)
            {
                case ("GET", "invocation/next"):
                    await ServeNextAsync(context.Response).ConfigureAwait(false);
                    break;
                case ("POST", "init/error"):
                    var accepted = _initError.TrySetResult(new InvocationOutcome("init", true, buffer.ToArray(), headers.GetValueOrDefault("Lambda-Runtime-Function-Error-Type"), _time.GetUtcNow()));
                    Answer(context.Response, accepted ? HttpStatusCode.Accepted : HttpStatusCode.Forbidden, accepted ? """{"status":"OK"}""" : """{"errorType":"InvalidStateTransition"}""");
                    break;
                case ("POST", { } r) when r.StartsWith("invocation/", StringComparison.Ordinal) && (r.EndsWith("/response", StringComparison.Ordinal) || r.EndsWith("/error", StringComparison.Ordinal)):
                    Complete(context.Response, r, buffer.ToArray(), headers);
                    break;
                default:
                    _serverErrors.Enqueue($"Unexpected request {request.HttpMethod} {path}");
                    Answer(context.Response, HttpStatusCode.NotFound, """{"errorType":"NotFound"}""");
                    break;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException or OperationCanceledException)
        {
            if (!_shutdown.IsCancellationRequested) _serverErrors.Enqueue($"{request.HttpMethod} {path}: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task ServeNextAsync(HttpListenerResponse response)
    {
        if (Interlocked.Decrement(ref _pollFailuresToInject) >= 0)
        {
            Answer(response, _injectedStatus, """{"errorType":"InjectedFault","errorMessage":"injected by the test"}""");
            return;
        }
        Interlocked.Exchange(ref _pollFailuresToInject, 0);

        var invocation = await _queue.Reader.ReadAsync(_shutdown.Token).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        invocation.DispatchedAt = now;
        invocation.Deadline = now + invocation.Timeout;
        _dispatched[invocation.RequestId] = invocation;

        response.StatusCode = (int)HttpStatusCode.OK;
        response.ContentType = "application/json";
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
        if (invocation.TraceId is not null) response.Headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        response.ContentLength64 = invocation.Payload.Length;
        await response.OutputStream.WriteAsync(invocation.Payload).ConfigureAwait(false);
        response.Close();
    }

    private void Complete(HttpListenerResponse response, string route, byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        if (Interlocked.Decrement(ref _reportFailuresToInject) >= 0)
        {
            Answer(response, HttpStatusCode.InternalServerError, """{"errorType":"InjectedFault","errorMessage":"injected by the test"}""");
            return;
        }
        Interlocked.Exchange(ref _reportFailuresToInject, 0);

        var isError = route.EndsWith("/error", StringComparison.Ordinal);
        var requestId = Uri.UnescapeDataString(route["invocation/".Length..route.LastIndexOf('/')]);
        if (!_dispatched.TryGetValue(requestId, out var invocation))
        {
            _serverErrors.Enqueue($"Outcome for unknown request id {requestId}");
            Answer(response, HttpStatusCode.BadRequest, """{"errorType":"InvalidRequestID"}""");
            return;
        }
        var outcome = new InvocationOutcome(requestId, isError, body, headers.GetValueOrDefault("Lambda-Runtime-Function-Error-Type"), _time.GetUtcNow());
        if (!invocation.TryComplete(outcome))
        {
            Interlocked.Increment(ref _duplicateReports);
            Answer(response, HttpStatusCode.BadRequest, """{"errorType":"InvalidStateTransition"}""");
            return;
        }
        Answer(response, HttpStatusCode.Accepted, """{"status":"OK"}""");
    }

    private static void Answer(HttpListenerResponse response, HttpStatusCode status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        // Close alone: on Linux, Stop then Close unregisters the prefix twice, and the second time re-binds the
        // port, which a parallel test may already have taken ("Address already in use").
        _listener.Close();
        await _acceptLoop.ConfigureAwait(false);
        _shutdown.Dispose();
    }
}
