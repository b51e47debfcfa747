using System.Net;

namespace ConfigRules.Aws.Transport;

/// <summary>
/// A successful answer whose body is still on the connection. Read <see cref="OpenBodyAsync"/> once and dispose
/// the response to give the connection back to the pool.
/// </summary>
public sealed class AwsStreamingResponse(HttpResponseMessage response) : IDisposable
{
    public HttpStatusCode StatusCode => response.StatusCode;

    /// <summary>Content-Length when the service sent one.</summary>
    public long? ContentLength => response.Content.Headers.ContentLength;

    public string? Header(string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? values.FirstOrDefault() : null;

    public Task<Stream> OpenBodyAsync(CancellationToken cancellationToken) => response.Content.ReadAsStreamAsync(cancellationToken);

    public void Dispose() => response.Dispose();
}
