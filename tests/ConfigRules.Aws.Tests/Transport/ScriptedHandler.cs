using System.Net;
using System.Text;

namespace ConfigRules.Aws.Tests.Transport;

/// <summary>An HttpMessageHandler that answers from a script, one step per request, and keeps what it was sent.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = new();

    public List<HttpRequestMessage> Sent { get; } = [];

    public ScriptedHandler Respond(HttpStatusCode status, string body = "{}", params (string Name, string Value)[] headers)
    {
        _steps.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8) };
            foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
            return Task.FromResult(response);
        });
        return this;
    }

    public ScriptedHandler Throw(Exception exception)
    {
        _steps.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a <see cref="Hang"/> step has taken its request: the moment to move the clock or cancel.</summary>
    public Task Hanging => _hanging.Task;

    /// <summary>Never answers: the attempt ends only when its token is cancelled (per-call timeout or deadline).</summary>
    public ScriptedHandler Hang()
    {
        _steps.Enqueue(async (_, token) =>
        {
            var never = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _hanging.TrySetResult();
            return await never.Task.WaitAsync(token);
        });
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Add(request);
        if (_steps.Count == 0) throw new InvalidOperationException($"The script has no answer for request {Sent.Count}.");
        return _steps.Dequeue()(request, cancellationToken);
    }
}
