using System.Text;
using System.Text.Json;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Signing;

namespace ConfigRules.Aws.Tests.Signing;

/// <summary>One case of the official SigV4 suite (aws-c-auth layout): the raw request, its context and the expected results.</summary>
internal sealed class SigV4SuiteCase
{
    private readonly string _folder;

    public SigV4SuiteCase(string folder)
    {
        _folder = folder;
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "context.json")));
        var root = context.RootElement;
        var credentials = root.GetProperty("credentials");
        Credentials = new AwsCredentials(
            credentials.GetProperty("access_key_id").GetString()!,
            credentials.GetProperty("secret_access_key").GetString()!,
            credentials.TryGetProperty("token", out var token) ? token.GetString() : null);
        Region = root.GetProperty("region").GetString()!;
        Service = root.GetProperty("service").GetString()!;
        Timestamp = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Expires = TimeSpan.FromSeconds(root.GetProperty("expiration_in_seconds").GetInt32());
        Options = new SigningOptions
        {
            NormalizePath = root.GetProperty("normalize").GetBoolean(),
            AddContentSha256Header = root.GetProperty("sign_body").GetBoolean(),
            SignSessionToken = !(root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean()),
        };
        Request = ParseRequest(File.ReadAllBytes(Path.Combine(folder, "request.txt")));
    }

    public AwsCredentials Credentials { get; }
    public string Region { get; }
    public string Service { get; }
    public DateTimeOffset Timestamp { get; }
    public TimeSpan Expires { get; }
    public SigningOptions Options { get; }
    public SigningRequest Request { get; }

    public string Expected(string file) => File.ReadAllText(Path.Combine(_folder, file), Encoding.UTF8).TrimEnd('\r', '\n');

    /// <summary>
    /// "METHOD path[?query] HTTP/1.1", header lines (a line starting with whitespace continues the previous value),
    /// a blank line, the body. The path is kept exactly as written (it may hold spaces and UTF-8).
    /// </summary>
    private static SigningRequest ParseRequest(byte[] raw)
    {
        var text = Encoding.UTF8.GetString(raw).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = blank < 0 ? text.TrimEnd('\n') : text[..blank];
        var body = blank < 0 ? string.Empty : text[(blank + 2)..];
        var lines = head.Split('\n');

        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var question = target.IndexOf('?', StringComparison.Ordinal);

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }
        return new SigningRequest(
            method,
            question < 0 ? target : target[..question],
            question < 0 ? string.Empty : target[(question + 1)..],
            headers,
            SigV4Canonicalizer.PayloadHash(Encoding.UTF8.GetBytes(body)));
    }
}
