using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConfigRules.Testing.Aws;

/// <summary>
/// Presigned payload URLs on 127.0.0.1, as S3 serves them to a Lambda hook: a plain GET returns the body
/// registered for the path; any other path is a 404. Requests are counted per path.
/// </summary>
public sealed class LoopbackPayloadServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, string> _bodies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _loop;

    private LoopbackPayloadServer(HttpListener listener, int port)
    {
        _listener = listener;
        Port = port;
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public IReadOnlyList<string> Requests => [.. _requests];

    public static LoopbackPayloadServer Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return new LoopbackPayloadServer(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>Serves <paramref name="body"/> at a new path; returns its URL, with a query like a presigned one.</summary>
    public string Serve(string name, string body)
    {
        _bodies[$"/{name}"] = body;
        return Url(name);
    }

    public string Url(string name) =>
        $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{name}?X-Amz-Signature=0123456789abcdef&X-Amz-Expires=300";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            _requests.Enqueue($"{context.Request.HttpMethod} {path} {(context.Request.Headers["Authorization"] is null ? "unsigned" : "signed")}");
            if (context.Request.HttpMethod == "GET" && _bodies.TryGetValue(path, out var body))
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else context.Response.StatusCode = 404;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
