namespace ConfigRules.Rules.Tests.Fixtures;

/// <summary>The two wire shapes of a configuration item that every rule must read alike.</summary>
public enum ItemShape
{
    /// <summary>The invoking-event shape: <c>ARN</c>, <c>awsAccountId</c>, <c>configuration</c> as an object, ISO timestamps.</summary>
    InvokingEvent,

    /// <summary>The API shape (GetResourceConfigHistory, BatchGetResourceConfig): <c>arn</c>, <c>accountId</c>, epoch timestamps, JSON strings.</summary>
    Api,
}
