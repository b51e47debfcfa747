namespace ConfigRules.Sdk.Testing;

/// <summary>The two shapes AWS writes a configuration item in; rules see one model of both.</summary>
public enum ItemShape
{
    /// <summary>Inside change notifications and S3 deliveries: <c>ARN</c>, <c>awsAccountId</c>, ISO timestamps, objects.</summary>
    InvokingEvent,

    /// <summary>From GetResourceConfigHistory and BatchGetResourceConfig: <c>arn</c>, <c>accountId</c>, epoch seconds, JSON strings.</summary>
    Api,
}
