using ConfigRules.Framework.Events;

namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>The REST API named by the remediation does not exist (any more) in this account and region.</summary>
public sealed class RestApiNotFoundException(string restApiId, Exception? inner = null)
    : ConfigRulesException("RestApiNotFoundException",
        $"REST API '{restApiId}' was not found in this account and region: it may have been deleted since Config evaluated it, or RestApiId names another account's or region's API.",
        inner)
{
    public string RestApiId { get; } = restApiId;
}

/// <summary>
/// The API cannot be made PRIVATE without breaking it or guessing: the message says why and what would make
/// the change safe. The API is left exactly as it was.
/// </summary>
public sealed class UnsafeRemediationException(string message)
    : ConfigRulesException("UnsafeRemediationException", message);
