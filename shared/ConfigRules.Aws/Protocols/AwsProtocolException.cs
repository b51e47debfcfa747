namespace ConfigRules.Aws.Protocols;

/// <summary>A successful HTTP answer whose body is not what the service model promises.</summary>
public sealed class AwsProtocolException(string message, Exception? inner = null)
    : ConfigRules.Framework.Events.ConfigRulesException("AwsProtocolException", message, inner);
