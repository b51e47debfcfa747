namespace ConfigRules.Framework.Tests;

/// <summary>Configuration items written from the documented formats of both shapes.</summary>
internal static class ItemFixtures
{
    /// <summary>The invoking-event shape: ARN, awsAccountId, ISO timestamps, configuration as an object.</summary>
    public const string EventShapeLambda = """
        {
          "configurationItemVersion": "1.3",
          "configurationItemCaptureTime": "2026-03-04T10:15:30.123Z",
          "configurationStateId": 1709547330123,
          "awsAccountId": "123456789012",
          "configurationItemStatus": "OK",
          "resourceType": "AWS::Lambda::Function",
          "resourceId": "orders-fn",
          "resourceName": "orders-fn",
          "ARN": "arn:aws:lambda:eu-west-1:123456789012:function:orders-fn",
          "awsRegion": "eu-west-1",
          "availabilityZone": "Not Applicable",
          "resourceCreationTime": "2025-11-01T08:00:00.000Z",
          "tags": { "team": "orders" },
          "relatedEvents": [],
          "relationships": [
            { "resourceType": "AWS::IAM::Role", "resourceName": "orders-role", "relationshipName": "Is associated with " }
          ],
          "configuration": {
            "functionName": "orders-fn",
            "runtime": "python3.12",
            "handler": "app.handler",
            "memorySize": 512,
            "timeout": 30,
            "codeSize": 2048,
            "layers": [ { "arn": "arn:aws:lambda:eu-west-1:123456789012:layer:deps:3", "codeSize": 4096 } ]
          },
          "supplementaryConfiguration": {
            "Concurrency": { "reservedConcurrentExecutions": 25 }
          }
        }
        """;

    /// <summary>The API shape: arn, accountId, epoch timestamps, configuration and supplementary values as strings, doubles.</summary>
    public const string ApiShapeLambda = """
        {
          "version": "1.3",
          "accountId": "123456789012",
          "configurationItemCaptureTime": 1.772619330123E9,
          "configurationItemStatus": "ResourceDiscovered",
          "configurationStateId": "1709547330123",
          "arn": "arn:aws:lambda:eu-west-1:123456789012:function:orders-fn",
          "resourceType": "AWS::Lambda::Function",
          "resourceId": "orders-fn",
          "resourceName": "orders-fn",
          "awsRegion": "eu-west-1",
          "availabilityZone": "Not Applicable",
          "resourceCreationTime": 1761984000,
          "configuration": "{\"functionName\":\"orders-fn\",\"runtime\":\"python3.12\",\"handler\":\"app.handler\",\"memorySize\":512.0,\"timeout\":30.0,\"codeSize\":2048.0,\"layers\":[{\"arn\":\"arn:aws:lambda:eu-west-1:123456789012:layer:deps:3\",\"codeSize\":4096.0}]}",
          "supplementaryConfiguration": {
            "Concurrency": "{\"reservedConcurrentExecutions\":25}",
            "Note": "plain text, not JSON"
          }
        }
        """;

    public const string DeletedApiShape = """
        {
          "version": "1.3",
          "accountId": "123456789012",
          "configurationItemCaptureTime": 1772619330.5,
          "configurationItemStatus": "ResourceDeleted",
          "resourceType": "AWS::Lambda::Function",
          "resourceId": "gone-fn",
          "configuration": null,
          "supplementaryConfiguration": {}
        }
        """;
}
