using System.Net;

namespace ConfigRules.Bench.Warm;

/// <summary>
/// Stands in for the Config endpoint without a network: reads the signed request body (so serialization and
/// signing are paid in full) and answers PutEvaluations with no failed evaluations.
/// </summary>
internal sealed class CapturingConfigHandler : HttpMessageHandler
{
    private static readonly byte[] Accepted = "{\"FailedEvaluations\":[]}"u8.ToArray();

    public long LastBodyLength { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        LastBodyLength = body.Length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Accepted) };
    }
}
