using System.Net;
using System.Net.Http.Headers;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Signing;

namespace ConfigRules.Aws.Transport;

/// <summary>
/// Sends signed requests over one pooled HttpClient, retrying throttling, 5xx and connection faults with
/// exponential backoff and full jitter, each attempt under its own timeout and never past the caller's token
/// (the Lambda host cancels it shortly before the invocation's deadline). Gives up with
/// <see cref="AwsServiceException"/>.
/// </summary>
public sealed class AwsTransport
{
    private static readonly Lazy<HttpClient> SharedClient = new(CreateSharedClient);
    private readonly HttpClient _http;
    private readonly IAwsCredentialsProvider _credentials;

    public AwsTransport(IAwsCredentialsProvider credentials, HttpClient? httpClient = null, TimeProvider? timeProvider = null,
        RetryOptions? retryOptions = null, IRetryDelayStrategy? delays = null)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _http = httpClient ?? SharedClient.Value;
        Time = timeProvider ?? TimeProvider.System;
        Options = retryOptions ?? RetryOptions.Default;
        Delays = delays ?? new FullJitterBackoff(Options);
    }

    /// <summary>The process-wide client: pooled connections, recycled so DNS changes are seen.</summary>
    public static HttpClient SharedHttpClient => SharedClient.Value;

    public TimeProvider Time { get; }
    public RetryOptions Options { get; }
    public IRetryDelayStrategy Delays { get; }

    /// <summary>The same HTTP client, clock and retry behaviour, signing with other credentials (an assumed role's).</summary>
    public AwsTransport WithCredentials(IAwsCredentialsProvider credentials) => new(credentials, _http, Time, Options, Delays);

    public Task<AwsHttpResponse> SendAsync(AwsRequest request, CancellationToken cancellationToken) =>
        SendAsync(request, BufferAsync, cancellationToken);

    /// <summary>
    /// Like <see cref="SendAsync(AwsRequest, CancellationToken)"/>, but a successful answer is handed over as soon as
    /// its headers arrive, the body still on the connection (S3 GetObject: a large object is read as a stream, never
    /// held whole). Retries cover everything up to the headers; the caller disposes the result.
    /// </summary>
    public Task<AwsStreamingResponse> SendStreamingAsync(AwsRequest request, CancellationToken cancellationToken) =>
        SendAsync(request, static (response, _) => Task.FromResult(new AwsStreamingResponse(response)), cancellationToken);

    private static async Task<AwsHttpResponse> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new AwsHttpResponse(response.StatusCode, response.Headers, body);
        }
    }

    /// <param name="onSuccess">Takes ownership of a 2xx response (reads or keeps it) within the attempt's timeout.</param>
    private async Task<TResult> SendAsync<TResult>(AwsRequest request, Func<HttpResponseMessage, CancellationToken, Task<TResult>> onSuccess,
        CancellationToken cancellationToken) where TResult : class
    {
        ArgumentNullException.ThrowIfNull(request);
        AttemptFailure? last = null;
        for (var attempt = 1; ; attempt++)
        {
            if (cancellationToken.IsCancellationRequested) throw GaveUp(request, last, attempt - 1, cancellationToken);
            (TResult? Response, AttemptFailure? Failure) outcome;
            try
            {
                outcome = await AttemptAsync(request, onSuccess, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && last is not null)
            {
                // The deadline cut a retry short: the earlier AWS error says more than the cancellation.
                throw GaveUp(request, last, attempt, cancellationToken);
            }
            if (outcome.Response is { } success) return success;
            var failure = outcome.Failure!;
            if (!failure.Retryable) throw failure.ToException(request, attempt);
            last = failure;
            if (attempt >= Options.MaxAttempts) throw failure.ToException(request, attempt);
            try
            {
                await Task.Delay(Delays.DelayBefore(attempt), Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw GaveUp(request, last, attempt, cancellationToken);
            }
        }
    }

    /// <summary>Waits before a higher-level retry (unprocessed keys, failed evaluations) with the same backoff.</summary>
    public Task DelayBeforeRetryAsync(int retry, CancellationToken cancellationToken) =>
        Task.Delay(Delays.DelayBefore(retry), Time, cancellationToken);

    private async Task<(TResult? Response, AttemptFailure? Failure)> AttemptAsync<TResult>(AwsRequest request,
        Func<HttpResponseMessage, CancellationToken, Task<TResult>> onSuccess, CancellationToken cancellationToken) where TResult : class
    {
        using var timeout = new CancellationTokenSource(Options.PerCallTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        AwsCredentials? credentials = null;
        try
        {
            credentials = await _credentials.GetCredentialsAsync(linked.Token).ConfigureAwait(false);
            using var message = await BuildMessageAsync(request, credentials, linked.Token).ConfigureAwait(false);
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 200 and < 300) return (await onSuccess(response, linked.Token).ConfigureAwait(false), null);
            var result = await BufferAsync(response, linked.Token).ConfigureAwait(false);
            var error = request.ErrorParser.Parse(result);
            error = error with { Message = SecretRedactor.Redact(error.Message, credentials), RequestId = error.RequestId ?? result.RequestIdHeader };
            return (null, new AttemptFailure(response.StatusCode, error, AwsRetryClassifier.IsRetryable(response.StatusCode, error.Code), null));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            var info = new AwsErrorInfo("RequestTimeout", $"no complete response within {Options.PerCallTimeout.TotalSeconds:0.###} s", null);
            return (null, new AttemptFailure(null, info, true, ex));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            var info = new AwsErrorInfo("ConnectionFailure", SecretRedactor.Redact(ex.Message, credentials), null);
            return (null, new AttemptFailure(null, info, true, ex));
        }
    }

    private async Task<HttpRequestMessage> BuildMessageAsync(AwsRequest request, AwsCredentials credentials, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(request.Method, request.BuildUri());
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null) message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        }
        foreach (var (name, value) in request.Headers) message.Headers.TryAddWithoutValidation(name, value);
        message.Headers.UserAgent.ParseAdd("configrules/1.0");
        await HttpRequestSigner.SignAsync(message, credentials, request.Endpoint.SigningRegion, request.Endpoint.SigningName,
            Time.GetUtcNow(), request.Signing ?? SigningOptions.Default, cancellationToken).ConfigureAwait(false);
        return message;
    }

    private static Exception GaveUp(AwsRequest request, AttemptFailure? last, int attempts, CancellationToken cancellationToken) =>
        last is null
            ? new OperationCanceledException($"{request.Service} {request.Operation} was cancelled before it could be sent.", cancellationToken)
            : last.ToException(request, attempts, "The deadline came before it succeeded.");

    private static HttpClient CreateSharedClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        // Each attempt has its own timeout and the caller's token; the client's own timeout would only interfere.
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private sealed record AttemptFailure(HttpStatusCode? Status, AwsErrorInfo Error, bool Retryable, Exception? Cause)
    {
        public AwsServiceException ToException(AwsRequest request, int attempts, string? detail = null)
        {
            var service = request.Service.DisplayName;
            if (Status is HttpStatusCode.NotFound && Error.Code is "NotFoundException" or "ResourceNotFoundException" or "NoSuchEntity")
                return new AwsResourceNotFoundException(service, request.Operation, Status, Error.Code, Error.Message, Error.RequestId, attempts);
            return new AwsServiceException(service, request.Operation, Status, Error.Code, Error.Message, Error.RequestId, attempts, detail, Cause);
        }
    }
}
