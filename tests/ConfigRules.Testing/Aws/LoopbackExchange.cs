using System.Net;

namespace ConfigRules.Testing.Aws;

/// <summary>One request through the loopback endpoint: read, route, verify the signature, apply faults, answer, record.</summary>
internal sealed class LoopbackExchange(LoopbackAwsServer server, HttpListenerContext context)
{
    private readonly TaskCompletionSource _processed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await ExchangeAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            _processed.TrySetResult();
        }
    }

    private async Task ExchangeAsync(CancellationToken stopping)
    {
        var received = server.Time.GetUtcNow();
        LoopbackRequest request;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer, stopping).ConfigureAwait(false);
            request = LoopbackRequest.From(context.Request, buffer.ToArray());
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or OperationCanceledException)
        {
            context.Response.Abort();
            return;
        }

        var route = server.Route(ScopeService(request.Header("Authorization")));
        var protocol = route?.Protocol ?? WireProtocol.AwsJson;
        var operation = "?";
        LoopbackReply reply;
        var signatureValid = false;
        try
        {
            if (route is null)
                throw new SignatureRejectedException(SignatureProblem.Incomplete,
                    "Missing or unknown credential scope: the loopback endpoint serves config, lambda, iam, sns, apigateway, sts and s3.");
            operation = route.OperationOf(request);
            var (_, region) = server.Verifier.Verify(request);
            var expectedRegion = route.IsGlobal ? "us-east-1" : server.Region;
            if (region != expectedRegion)
                throw new SignatureRejectedException(SignatureProblem.SignatureMismatch,
                    $"Credential should be scoped to a valid region: {route.SigningName} is signed for {expectedRegion}, not '{region}'.");
            signatureValid = true;

            switch (server.Faults.Take(route.SigningName, operation))
            {
                case Fault.ResetConnection:
                    server.Record(new RecordedRequest(route.SigningName, operation, request, 0, "ConnectionReset", received));
                    DropMidAnswer();
                    return;
                case Fault.HoldAnswer:
                    await server.HeldAnswers.HoldAsync(_processed.Task, stopping).ConfigureAwait(false);
                    reply = route.Handle(operation, request);
                    break;
                case Fault.Throttle:
                    reply = LoopbackReply.Error(protocol, route.ThrottleStatus, route.ThrottleCode, "Rate exceeded");
                    break;
                case Fault.ServerError error:
                    reply = LoopbackReply.Error(protocol, error.Status, error.Status == 503 ? "ServiceUnavailable" : "InternalFailure", "Injected server error");
                    break;
                case Fault.Error error:
                    reply = LoopbackReply.Error(protocol, error.Status, error.Code, error.Message);
                    break;
                default:
                    reply = route.Handle(operation, request);
                    break;
            }
        }
        catch (SignatureRejectedException ex)
        {
            reply = LoopbackReply.Error(protocol, 403, SignatureCode(protocol, ex.Problem), ex.Message);
        }
        catch (FakeAwsErrorException ex)
        {
            reply = LoopbackReply.Error(protocol, ex.Status, ex.Code, ex.Message);
        }
        catch (OperationCanceledException)
        {
            context.Response.Abort();
            return;
        }

        server.Record(new RecordedRequest(route?.SigningName ?? "unknown", operation, request, reply.Status, reply.ErrorCode, received)
        {
            SignatureValid = signatureValid,
            AccessKeyId = LoopbackAuthorization.AccessKeyId(request.Header("Authorization")),
        });
        await WriteAsync(reply).ConfigureAwait(false);
    }

    /// <summary>
    /// HttpListener's Abort alone still sends an empty 200; promising a body and closing after a few bytes makes
    /// the client see the connection fail mid-answer, as when a connection is reset.
    /// </summary>
    private void DropMidAnswer()
    {
        try
        {
            context.Response.ContentLength64 = 1024;
            context.Response.OutputStream.Write("{\"trunc"u8);
            context.Response.OutputStream.Flush();
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or ObjectDisposedException)
        {
            // The client is already gone; dropping the connection is all that was wanted.
        }
        context.Response.Abort();
    }

    private async Task WriteAsync(LoopbackReply reply)
    {
        try
        {
            var response = context.Response;
            response.StatusCode = reply.Status;
            response.ContentType = reply.ContentType;
            foreach (var (name, value) in reply.Headers) response.Headers[name] = value;
            response.ContentLength64 = reply.Body.Length;
            await response.OutputStream.WriteAsync(reply.Body).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up (a per-call timeout while the answer was held back): nothing to answer.
        }
    }

    private static string SignatureCode(WireProtocol protocol, SignatureProblem problem) => (protocol, problem) switch
    {
        (WireProtocol.AwsQuery, SignatureProblem.InvalidToken) => "InvalidClientTokenId",
        (WireProtocol.AwsQuery, SignatureProblem.Incomplete) => "IncompleteSignature",
        (WireProtocol.AwsQuery, _) => "SignatureDoesNotMatch",
        (WireProtocol.RestXml, SignatureProblem.InvalidToken) => "InvalidToken",
        (WireProtocol.RestXml, SignatureProblem.Incomplete) => "AuthorizationHeaderMalformed",
        (WireProtocol.RestXml, _) => "SignatureDoesNotMatch",
        (_, SignatureProblem.InvalidToken) => "UnrecognizedClientException",
        (_, SignatureProblem.Incomplete) => "IncompleteSignatureException",
        _ => "InvalidSignatureException",
    };

    /// <summary>The service of the credential scope: "Credential=AKID/20240101/us-east-1/config/aws4_request".</summary>
    private static string? ScopeService(string? authorization)
    {
        if (authorization is null) return null;
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start < 0) return null;
        var end = authorization.IndexOf(',', start);
        var scope = authorization[(start + 11)..(end < 0 ? authorization.Length : end)].Split('/');
        return scope.Length == 5 ? scope[3] : null;
    }
}
