using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Handlers.Tests.CloudFormationHook.HookRequests;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>
/// The five serverless security rules at the deployment gate: a stack or change set whose template holds a stage with
/// its web ACL, permissions, alarms and trails is judged with the template's own related resources.
/// </summary>
[TestFixture]
public sealed class HookSecurityTargetsTests
{
    private const string SecurityRules = """
        {"api-gateway-stage-waf-check": {}, "api-gateway-stage-logging-check": {}, "lambda-public-access-check": {},
         "lambda-error-alarm-check": {}, "cloudtrail-serverless-audit-check": {}}
        """;

    private static readonly string Template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "templates", "serverless-security.yaml"));

    [Test]
    public async Task A_stack_is_judged_with_its_web_acls_permissions_alarms_and_trails()
    {
        var payloads = new FakePayloads().With("https://payloads.example/stack", StackPayload(Template));

        var response = await Hook(SecurityRules, payloads).HandleAsync(Stack("https://payloads.example/stack"), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        Statuses(response).Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("api-gateway-stage-waf-check", "ProdStage")] = "PASSED",
            [("api-gateway-stage-waf-check", "DevStage")] = "FAILED",
            [("api-gateway-stage-waf-check", "SharedStage")] = "SKIPPED",
            [("api-gateway-stage-logging-check", "ProdStage")] = "PASSED",
            [("api-gateway-stage-logging-check", "DevStage")] = "FAILED",
            [("api-gateway-stage-logging-check", "SharedStage")] = "PASSED",
            [("lambda-public-access-check", "Orders")] = "PASSED",
            [("lambda-public-access-check", "Webhook")] = "FAILED",
            [("lambda-public-access-check", "Report")] = "FAILED",
            [("lambda-error-alarm-check", "Orders")] = "PASSED",
            [("lambda-error-alarm-check", "Webhook")] = "FAILED",
            [("lambda-error-alarm-check", "Report")] = "FAILED",
            [("cloudtrail-serverless-audit-check", "Audit")] = "PASSED",
            [("cloudtrail-serverless-audit-check", "RegionalTrail")] = "FAILED",
        });
        response.Message.Should().Contain("- Webhook (line ").And.Contain("lambda-public-access-check");
        Message(response, "api-gateway-stage-waf-check", "SharedStage").Should().Contain("cannot be known before deployment");
    }

    [Test]
    public async Task A_change_set_judges_its_changed_resources_with_the_unchanged_ones_that_complete_them()
    {
        var stage = new JsonObject
        {
            ["RestApiId"] = new JsonObject { ["Ref"] = "Api" },
            ["StageName"] = "prod",
            ["TracingEnabled"] = "true",
            ["AccessLogSetting"] = new JsonObject { ["DestinationArn"] = "arn:aws:logs:eu-west-1:123456789012:log-group:api" },
            ["MethodSettings"] = new JsonArray(new JsonObject { ["ResourcePath"] = "/*", ["HttpMethod"] = "*", ["LoggingLevel"] = "INFO" }),
        };
        var webhook = new JsonObject
        {
            ["Runtime"] = "python3.13",
            ["Handler"] = "webhook.handler",
            ["Role"] = "arn:aws:iam::123456789012:role/webhook",
            ["Code"] = new JsonObject { ["S3Bucket"] = "artifacts", ["S3Key"] = "webhook.zip" },
        };
        var trail = new JsonObject
        {
            ["S3BucketName"] = "audit-logs",
            ["IsLogging"] = "true",
            ["IsMultiRegionTrail"] = "true",
            ["EnableLogFileValidation"] = "true",
            ["EventSelectors"] = new JsonArray(new JsonObject
            {
                ["DataResources"] = new JsonArray(new JsonObject { ["Type"] = "AWS::Lambda::Function", ["Values"] = new JsonArray("arn:aws:lambda") }),
            }),
            ["InsightSelectors"] = new JsonArray(new JsonObject { ["InsightType"] = "ApiCallRateInsight" }, new JsonObject { ["InsightType"] = "ApiErrorRateInsight" }),
        };
        var payload = JsonNode.Parse(ChangeSetPayload(
            ("Modify", "ProdStage", "AWS::ApiGateway::Stage", stage, 101),
            ("Modify", "Webhook", "AWS::Lambda::Function", webhook, 28),
            ("Add", "Audit", "AWS::CloudTrail::Trail", trail, 155)))!.AsObject();
        payload["template"] = Template;
        var payloads = new FakePayloads().With("https://payloads.example/cs", payload.ToJsonString());

        var response = await Hook(SecurityRules, payloads).HandleAsync(ChangeSet("https://payloads.example/cs"), CancellationToken.None);

        Statuses(response).Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("api-gateway-stage-waf-check", "ProdStage")] = "PASSED", // its association and web ACL are unchanged
            [("api-gateway-stage-logging-check", "ProdStage")] = "PASSED",
            [("lambda-public-access-check", "Webhook")] = "FAILED", // the unchanged WebhookAnyone permission
            [("lambda-error-alarm-check", "Webhook")] = "FAILED", // the unchanged error-rate alarm has no action
            [("cloudtrail-serverless-audit-check", "Audit")] = "PASSED",
        });
        response.Message.Should().Contain("- Webhook (line 28): lambda-public-access-check");
    }

    [Test]
    public async Task A_single_resource_operation_cannot_see_associations_or_permissions_and_says_so()
    {
        var stage = await Hook(SecurityRules).HandleAsync(
            Resource("AWS::ApiGateway::Stage", new JsonObject { ["RestApiId"] = "a1b2c3", ["StageName"] = "prod" }, "ProdStage"), CancellationToken.None);
        var function = await Hook("""{"lambda-public-access-check": {}}""").HandleAsync(Resource("AWS::Lambda::Function", Function()), CancellationToken.None);

        Statuses(stage)[("api-gateway-stage-waf-check", "ProdStage")].Should().Be("SKIPPED");
        Message(stage, "api-gateway-stage-waf-check", "ProdStage").Should().Contain("separate AWS::WAFv2::WebACLAssociation resource");
        Statuses(stage)[("api-gateway-stage-logging-check", "ProdStage")].Should().Be("FAILED", "the stage's own properties are all there is to logging");
        function.HookStatus.Should().Be("SUCCESS");
        function.Annotations.Single().StatusMessage.Should().Contain("separate AWS::Lambda::Permission and AWS::Lambda::Url resources");
    }

    [Test]
    public async Task A_trail_alone_is_a_covered_resource_for_the_account_rule()
    {
        var response = await Hook("""{"cloudtrail-serverless-audit-check": {}}""").HandleAsync(
            Resource("AWS::CloudTrail::Trail", new JsonObject { ["S3BucketName"] = "logs", ["IsLogging"] = "true" }, "Trail"), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        response.Annotations.Single().StatusMessage.Should().Contain("not multi-region");
    }

    private static Dictionary<(string Rule, string LogicalId), string> Statuses(ConfigRules.Handlers.CloudFormationHook.HookResponse response) =>
        response.Annotations.ToDictionary(a => (a.AnnotationName!, LogicalId(a.StatusMessage!)), a => a.Status!);

    private static string Message(ConfigRules.Handlers.CloudFormationHook.HookResponse response, string rule, string logicalId) =>
        response.Annotations.Single(a => a.AnnotationName == rule && LogicalId(a.StatusMessage!) == logicalId).StatusMessage!;

    private static string LogicalId(string statusMessage) => statusMessage[..statusMessage.IndexOf(':', StringComparison.Ordinal)];
}
