namespace ConfigRules.Aws.Transport;

/// <summary>
/// Error codes by which a service answers "there is none" (IAM's <c>NoSuchEntity</c> for a role that does not
/// exist, CloudTrail's <c>InsightNotEnabledException</c> for a trail without Insights): for the client that asked,
/// an answer, not a failure. Only the code named is taken so; every other error propagates.
/// </summary>
internal static class NoneAnswers
{
    /// <summary>The call's output, or null when the service answers it with <paramref name="noneErrorCode"/>.</summary>
    public static async Task<TOutput?> NullWhenAsync<TOutput>(Task<TOutput> call, string noneErrorCode) where TOutput : class
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentException.ThrowIfNullOrWhiteSpace(noneErrorCode);
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == noneErrorCode)
        {
            return null;
        }
    }
}
