using ConfigRules.Aws;
using ConfigRules.Aws.S3;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Hosting;

/// <summary>
/// The rule functions' and the hook's exemptions: the document <c>CONFIGRULES_EXEMPTIONS_URI</c> names, read with S3
/// GetObject under the function's own credentials and kept for at most <see cref="CachedExemptions.RefreshInterval"/>.
/// </summary>
public static class S3Exemptions
{
    /// <summary>
    /// The most a document may weigh. A reviewed list of exceptions is a few kilobytes; a larger object is a wrong
    /// URI (a log file, an export), refused before it fills the function's memory.
    /// </summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>The cached source for the configured URI, or null when the variable is unset (no exemptions).</summary>
    /// <param name="environment">The runtime's environment (<see cref="HandlerInitSettings.Variables"/>).</param>
    /// <param name="catalog">Every rule an entry may name: the document is checked against it as a whole.</param>
    /// <exception cref="InvalidExemptionsException">The variable holds something other than s3://bucket/key.</exception>
    public static CachedExemptions? FromEnvironment(IEnvironmentVariables environment, AwsClientContext aws, IExemptionCatalog catalog, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(aws);
        if (ExemptionsUri.FromEnvironment(environment) is not { } uri) return null;
        if (S3Location.BucketProblem(uri.Bucket) is { } problem)
            throw new InvalidExemptionsException($"'{uri}' ({ExemptionsUri.Variable})", $"{problem}; expected s3://<bucket>/<key>.", null);
        var s3 = S3Client.Create(aws);
        return new CachedExemptions(uri.ToString(),
            cancellationToken => s3.GetObjectTextAsync(uri.Bucket, uri.Key, MaxDocumentBytes, cancellationToken), catalog, time);
    }
}
