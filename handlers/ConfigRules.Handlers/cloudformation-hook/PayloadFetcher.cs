using System.Text.Json;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>Reads the STACK and CHANGE_SET payload from its presigned URL.</summary>
public interface IPayloadFetcher
{
    /// <exception cref="HookInputException">The URL is not usable, does not answer 200, or the body is not the payload JSON.</exception>
    Task<HookPayload> FetchAsync(string url, CancellationToken cancellationToken);
}

/// <summary>A plain GET, no signing: the URL is presigned (contract 2.4), whatever its scheme.</summary>
public sealed class HttpPayloadFetcher(HttpClient http) : IPayloadFetcher
{
    public async Task<HookPayload> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new HookInputException($"The payload '{Shorten(url)}' is not an http(s) URL.");
        byte[] body;
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new HookInputException($"The payload URL answered {(int)response.StatusCode} {response.ReasonPhrase} for {uri.GetLeftPart(UriPartial.Path)}.");
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HookInputException($"The payload URL {uri.GetLeftPart(UriPartial.Path)} cannot be read: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HookInputException($"The payload URL {uri.GetLeftPart(UriPartial.Path)} did not answer in time.", ex);
        }
        try
        {
            return JsonSerializer.Deserialize(body, HookJsonContext.Default.HookPayload)
                ?? throw new HookInputException("The payload is JSON null, not {\"template\": ...}.");
        }
        catch (JsonException ex)
        {
            throw new HookInputException($"The payload is not the JSON {{\"template\": ..., \"changedResources\": [...]}}: {ex.Message}", ex);
        }
    }

    // A presigned URL's query is a credential: never repeat it in a message.
    private static string Shorten(string url) => url.Split('?')[0] is var path && path.Length > 200 ? path[..200] : url.Split('?')[0];
}
