using ConfigRules.Aws.Transport;
using ConfigRules.Framework.Events;

namespace ConfigRules.Aws.S3;

/// <summary>
/// S3 refused a request for a reason its user can act on: the object or bucket does not exist, access is denied,
/// or the bucket is in another region. <see cref="ConfigRulesException.ErrorType"/> is S3's code (NoSuchKey,
/// AccessDenied, ...); the message names the object and what to check.
/// </summary>
public sealed class S3RequestException : ConfigRulesException
{
    internal S3RequestException(AwsServiceException cause, string bucket, string key, string region)
        : base(cause.ErrorCode, Describe(cause, bucket, key, region), cause)
    {
        Bucket = bucket;
        Key = key;
        ErrorCode = cause.ErrorCode;
    }

    public string Bucket { get; }

    /// <summary>The object's key, or the prefix of a listing.</summary>
    public string Key { get; }

    public string ErrorCode { get; }

    internal static bool Explains(AwsServiceException ex) =>
        ex.ErrorCode is "NoSuchKey" or "NoSuchBucket" or "AccessDenied" or "NotFound" or "PermanentRedirect" or "AuthorizationHeaderMalformed"
        || ex.StatusCode is System.Net.HttpStatusCode.MovedPermanently;

    private static string Describe(AwsServiceException cause, string bucket, string key, string region)
    {
        var target = $"s3://{bucket}/{key}";
        var what = $"S3 {cause.Operation} of {target}";
        var detail = $" ({cause.ErrorCode}{(cause.RequestId is null ? "" : ", request id " + cause.RequestId)})";
        return cause.ErrorCode switch
        {
            "NoSuchKey" or "NotFound" => $"{what} failed: no object has that key{detail}. Check the key's spelling and case.",
            "NoSuchBucket" => $"{what} failed: the bucket '{bucket}' does not exist{detail}.",
            "AccessDenied" => $"{what} failed: access denied{detail}. The caller needs s3:GetObject on that object (s3:ListBucket "
                + "on the bucket for a listing) and kms:Decrypt on the bucket's key when it uses a customer managed KMS key; "
                + "S3 also answers AccessDenied for a key that does not exist when the caller may not list the bucket.",
            _ => $"{what} failed: the bucket '{bucket}' is not in {region}{detail}. Set AWS_REGION to the bucket's region.",
        };
    }
}

/// <summary>The object is larger than the reader accepts (a document read whole, such as the exemptions file).</summary>
public sealed class S3ObjectTooLargeException(string bucket, string key, int maxBytes)
    : ConfigRulesException("S3ObjectTooLargeException",
        $"s3://{bucket}/{key} is larger than {maxBytes:N0} bytes, the most this document may have.");
