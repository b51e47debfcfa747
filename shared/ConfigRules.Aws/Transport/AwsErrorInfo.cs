namespace ConfigRules.Aws.Transport;

/// <summary>An error response as the protocol spells it: the code, AWS's message and the request id.</summary>
public sealed record AwsErrorInfo(string Code, string? Message, string? RequestId);

/// <summary>Reads an error response of one protocol (awsJson, restJson, awsQuery XML).</summary>
public interface IAwsErrorParser
{
    AwsErrorInfo Parse(AwsHttpResponse response);
}
