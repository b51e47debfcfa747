using System.Text.RegularExpressions;
using ConfigRules.Aws.Credentials;
using ConfigRules.Framework.Text;

namespace ConfigRules.Aws.Transport;

/// <summary>
/// Removes secrets from text that reaches messages: AWS's signature errors echo the canonical request (with
/// the session token) and the signature; connection errors may echo headers.
/// </summary>
public static partial class SecretRedactor
{
    private const string Redacted = "<redacted>";
    private const int MaxLength = 1024;

    public static string? Redact(string? text, AwsCredentials? credentials)
    {
        if (string.IsNullOrEmpty(text)) return text;
        if (credentials is not null)
        {
            text = text.Replace(credentials.SecretAccessKey, Redacted, StringComparison.Ordinal);
            if (credentials.SessionToken is { } token) text = text.Replace(token, Redacted, StringComparison.Ordinal);
        }
        text = SignaturePattern().Replace(text, "Signature=" + Redacted);
        text = TokenHeaderPattern().Replace(text, "${name}" + Redacted);
        return TextShortening.Shorten(text, MaxLength);
    }

    [GeneratedRegex("Signature=[0-9a-fA-F]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex SignaturePattern();

    [GeneratedRegex(@"(?<name>x-amz-security-token[:=]\s*)[^\s&'""]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TokenHeaderPattern();
}
