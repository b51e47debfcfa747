using System.Collections.Specialized;
using System.Text;

namespace ConfigRules.Testing.Aws;

/// <summary>One request as the loopback endpoint received it: raw path and query, headers, body, and the parsed form.</summary>
public sealed class LoopbackRequest
{
    public required string Method { get; init; }

    /// <summary>The path exactly as sent (still percent-encoded).</summary>
    public required string RawPath { get; init; }

    /// <summary>The query exactly as sent, without '?'.</summary>
    public required string RawQuery { get; init; }

    /// <summary>Every header line, names as sent, in arrival order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public required byte[] Body { get; init; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Values of a header (case-insensitive name), in order.</summary>
    public IEnumerable<string> HeaderValues(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? Header(string name) => HeaderValues(name).FirstOrDefault();

    /// <summary>The form fields of an awsQuery body (application/x-www-form-urlencoded), decoded.</summary>
    public IReadOnlyDictionary<string, string> Form => _form ??= ParseForm(BodyText);
    private Dictionary<string, string>? _form;

    public static Dictionary<string, string> ParseForm(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (!fields.TryAdd(key, value))
                throw new FakeAwsErrorException(400, "MalformedQueryString", $"The form field {key} appears twice.");
        }
        return fields;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    internal static LoopbackRequest From(System.Net.HttpListenerRequest request, byte[] body)
    {
        var raw = request.RawUrl ?? "/";
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var headers = new List<KeyValuePair<string, string>>();
        NameValueCollection collection = request.Headers;
        // Get (not GetValues, which splits at commas inside values like Authorization) joins repeats with commas,
        // exactly as SigV4 canonicalization does.
        foreach (var name in collection.AllKeys.OfType<string>())
            headers.Add(new(name, collection.Get(name) ?? string.Empty));
        return new LoopbackRequest
        {
            Method = request.HttpMethod,
            RawPath = question < 0 ? raw : raw[..question],
            RawQuery = question < 0 ? string.Empty : raw[(question + 1)..],
            Headers = headers,
            Body = body,
        };
    }
}

/// <summary>An error a fake service answers with; the protocol layer spells it as the real service would.</summary>
public sealed class FakeAwsErrorException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
}
