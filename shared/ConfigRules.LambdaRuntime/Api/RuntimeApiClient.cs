using System.Net.Http.Headers;
using ConfigRules.LambdaRuntime.Errors;

namespace ConfigRules.LambdaRuntime.Api;

/// <summary>
/// The Lambda Runtime API (version 2018-06-01) over HTTP: the four calls a custom runtime makes.
/// The HttpClient must have no timeout of its own: <c>/invocation/next</c> is a long poll that waits as long
/// as no event arrives (the process may be frozen in between).
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    private const string Version = "2018-06-01";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <param name="http">A client whose <see cref="HttpClient.Timeout"/> is infinite.</param>
    /// <param name="runtimeApi">The value of <c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c>.</param>
    public RuntimeApiClient(HttpClient http, string runtimeApi, bool ownsHttp = false)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Timeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentException("The Runtime API client needs an HttpClient without timeout: /invocation/next is a long poll.", nameof(http));
        _http = http;
        _ownsHttp = ownsHttp;
        BaseAddress = ParseAddress(runtimeApi);
    }

    /// <summary>A client on its own connection pool, without proxy (the Runtime API is local to the sandbox).</summary>
    public static RuntimeApiClient Create(string runtimeApi) => new(
        new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5), PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        },
        runtimeApi,
        ownsHttp: true);

    public Uri BaseAddress { get; }

    /// <summary>Waits for the next event (GET <c>/runtime/invocation/next</c>) and reads its context.</summary>
    public async Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(Path("runtime/invocation/next"), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, "GET /invocation/next", cancellationToken).ConfigureAwait(false);
        var context = RuntimeApiHeaders.ReadContext(response.Headers);
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new InvocationRequest(context, payload);
    }

    /// <summary>Answers an invocation (POST <c>/runtime/invocation/{id}/response</c>).</summary>
    public async Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(Path($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response"), content, cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, "POST /invocation/{id}/response", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fails an invocation (POST <c>/runtime/invocation/{id}/error</c>), so that Lambda counts it and retries it.</summary>
    public Task ReportInvocationErrorAsync(string requestId, ErrorReport error, CancellationToken cancellationToken) =>
        PostErrorAsync(Path($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error"), error, "POST /invocation/{id}/error", cancellationToken);

    /// <summary>Reports that the runtime cannot start (POST <c>/runtime/init/error</c>); the process exits after it.</summary>
    public Task ReportInitializationErrorAsync(ErrorReport error, CancellationToken cancellationToken) =>
        PostErrorAsync(Path("runtime/init/error"), error, "POST /init/error", cancellationToken);

    private async Task PostErrorAsync(Uri uri, ErrorReport error, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var content = new ByteArrayContent(error.ToJsonBytes());
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, error.ErrorType);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, what, cancellationToken).ConfigureAwait(false);
    }

    private Uri Path(string relative) => new(BaseAddress, $"{Version}/{relative}");

    private static async Task EnsureAcceptedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new RuntimeApiException(
            $"The Runtime API answered {what} with HTTP {(int)response.StatusCode}: {ErrorText.Truncate(body, 512)}",
            (int)response.StatusCode);
    }

    private static Uri ParseAddress(string runtimeApi)
    {
        if (string.IsNullOrWhiteSpace(runtimeApi))
            throw new ArgumentException("AWS_LAMBDA_RUNTIME_API is empty: expected host:port.", nameof(runtimeApi));
        if (!Uri.TryCreate($"http://{runtimeApi.Trim()}/", UriKind.Absolute, out var uri) || uri.AbsolutePath != "/")
            throw new ArgumentException($"AWS_LAMBDA_RUNTIME_API '{runtimeApi}' is not host:port.", nameof(runtimeApi));
        return uri;
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
