using ConfigRules.Framework.Settings;

namespace ConfigRules.Framework.Exemptions;

/// <summary>The rule functions' and the hook's <c>CONFIGRULES_EXEMPTIONS_URI</c>: <c>s3://&lt;bucket&gt;/&lt;key&gt;</c>.</summary>
public sealed record ExemptionsUri(string Bucket, string Key)
{
    public const string Variable = "CONFIGRULES_EXEMPTIONS_URI";

    /// <summary>The location, or null when the variable is unset or blank (no exemptions).</summary>
    /// <exception cref="InvalidExemptionsException">The value is not an s3://bucket/key URI.</exception>
    public static ExemptionsUri? FromEnvironment(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var value = environment.Get(Variable);
        return string.IsNullOrWhiteSpace(value) ? null : Parse(value.Trim());
    }

    public static ExemptionsUri Parse(string value)
    {
        const string scheme = "s3://";
        var slash = value.StartsWith(scheme, StringComparison.Ordinal) ? value.IndexOf('/', scheme.Length) : -1;
        if (slash <= scheme.Length || slash == value.Length - 1)
            throw new InvalidExemptionsException($"'{value}' ({Variable})", "expected s3://<bucket>/<key>, the S3 object holding the exemptions document.", null);
        return new ExemptionsUri(value[scheme.Length..slash], value[(slash + 1)..]);
    }

    public override string ToString() => $"s3://{Bucket}/{Key}";
}
