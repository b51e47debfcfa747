using System.Text.Json;

namespace ConfigRules.CloudFormation.Tests.Mappings;

/// <summary>Stages as Config records them: AWS::ApiGateway::Stage, the stage SAM creates for an API, the implicit API's Prod stage.</summary>
[TestFixture]
public sealed class StageMappingTests
{
    private const string Stage = "AWS::ApiGateway::Stage";

    [Test]
    public void A_stage_keeps_its_method_settings_access_logs_tracing_and_api()
    {
        var items = TemplateText.Read("""
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties: { Name: orders }
              Logs:
                Type: AWS::Logs::LogGroup
              ProdStage:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
                  TracingEnabled: true
                  AccessLogSetting:
                    DestinationArn: !GetAtt Logs.Arn
                    Format: $context.requestId
                  MethodSettings:
                    - ResourcePath: /*
                      HttpMethod: '*'
                      LoggingLevel: INFO
                      MetricsEnabled: true
                    - ResourcePath: /orders/{id}
                      HttpMethod: GET
                      LoggingLevel: ERROR
            """);
        var stage = items["ProdStage"];
        var configuration = stage.Item.Configuration;

        stage.Item.ResourceType.Should().Be(Stage);
        configuration.GetStringOrNull("stageName").Should().Be("prod");
        configuration.GetStringOrNull("restApiId").Should().Be("Api", "the API of the same template, by logical id");
        ShouldHaveEverySetting(configuration, errorMethod: "orders~1{id}/GET", logGroupArn: "${Logs.Arn}");
        stage.Unknowns.Should().BeEmpty();
        configuration.TryGetProperty("webAclArn", out _).Should().BeFalse("no association names the stage");
    }

    [Test]
    public void A_deployment_with_a_stage_name_creates_a_stage_with_its_stage_description()
    {
        var items = TemplateText.ReadFixture("deployment-stages.yaml");

        var stage = items["Release"];
        var configuration = stage.Item.Configuration;
        stage.Item.ResourceType.Should().Be(Stage);
        stage.Item.ResourceName.Should().Be("live");
        configuration.GetStringOrNull("stageName").Should().Be("live");
        configuration.GetStringOrNull("restApiId").Should().Be("ReleaseApi");
        ShouldHaveEverySetting(configuration, errorMethod: "orders/POST", logGroupArn: "${ReleaseLogs.Arn}",
            because: "the description's own logging level applies to every method");
        stage.Unknowns.Should().BeEmpty();
        items["Preview"].Item.Configuration.GetStringOrNull("stageName").Should().Be("preview");
        items.Should().NotContainKey("Snapshot", "a deployment without a StageName creates no stage");
    }

    [Test]
    public void A_deployment_stage_description_only_deployment_decides_leaves_its_settings_unknown()
    {
        var items = TemplateText.Read("""
            Conditions:
              IsProd: !Equals [!Ref AWS::AccountId, '123456789012']
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
              Bare:
                Type: AWS::ApiGateway::Deployment
                Properties: { RestApiId: !Ref Api, StageName: v1 }
              Chosen:
                Type: AWS::ApiGateway::Deployment
                Properties:
                  RestApiId: !Ref Api
                  StageName: v2
                  StageDescription: !If [IsProd, { TracingEnabled: true }, { TracingEnabled: false }]
            """);

        var bare = items["Bare"].Item.Configuration;
        bare.GetProperty("tracingEnabled").GetBoolean().Should().BeFalse("tracing is off unless the description turns it on");
        bare.TryGetProperty("methodSettings", out _).Should().BeFalse();
        bare.TryGetProperty("accessLogSettings", out _).Should().BeFalse();

        var chosen = items["Chosen"];
        chosen.Unknowns.Keys.Should().BeEquivalentTo("methodSettings", "accessLogSettings.destinationArn", "tracingEnabled");
        chosen.Unknowns["tracingEnabled"].Should().Contain("!If IsProd");
    }

    [Test]
    public void A_stage_description_that_is_not_a_mapping_is_rejected()
    {
        var act = () => TemplateText.Read("""
            Resources:
              Api: { Type: AWS::ApiGateway::RestApi }
              Release:
                Type: AWS::ApiGateway::Deployment
                Properties: { RestApiId: !Ref Api, StageName: v1, StageDescription: [TracingEnabled] }
            """);

        act.Should().Throw<TemplateException>().WithMessage("*StageDescription must be a mapping*");
    }

    [Test]
    public void Absent_settings_are_absent_and_tracing_is_off()
    {
        var configuration = TemplateText.Read("""
            Resources:
              Bare:
                Type: AWS::ApiGateway::Stage
                Properties: { RestApiId: abc123, StageName: dev }
            """)["Bare"].Item.Configuration;

        configuration.TryGetProperty("methodSettings", out _).Should().BeFalse();
        configuration.TryGetProperty("accessLogSettings", out _).Should().BeFalse();
        configuration.GetProperty("tracingEnabled").GetBoolean().Should().BeFalse();
        configuration.GetStringOrNull("restApiId").Should().Be("abc123");
    }

    [Test]
    public void A_logging_level_only_deployment_decides_is_noted()
    {
        var stage = TemplateText.Read("""
            Parameters:
              Level: { Type: String }
            Resources:
              S:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: abc123
                  StageName: dev
                  MethodSettings: [{ ResourcePath: /*, HttpMethod: '*', LoggingLevel: !Ref Level }]
            """)["S"];

        stage.Unknowns["methodSettings"].Should().Be("MethodSettings LoggingLevel is not known before deployment: it is !Ref Level, a parameter without a Default.");
        stage.Item.Configuration.TryGetProperty("methodSettings", out _).Should().BeFalse();
    }

    [Test]
    public void Sam_creates_a_stage_for_each_api_and_Prod_for_the_implicit_one_with_globals()
    {
        var items = TemplateText.Read("""
            Globals:
              Api:
                TracingEnabled: true
                MethodSettings: [{ ResourcePath: /*, HttpMethod: '*', LoggingLevel: ERROR }]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Handler: app.handler
                  Events:
                    Get: { Type: Api, Properties: { Path: /, Method: get } }
              Orders:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: v1-beta
                  AccessLogSetting: { DestinationArn: arn:aws:logs:eu-west-1:123456789012:log-group:api }
            """);

        var explicitStage = items["Ordersv1betaStage"];
        explicitStage.Item.ResourceType.Should().Be(Stage);
        explicitStage.Item.Configuration.GetStringOrNull("stageName").Should().Be("v1-beta");
        explicitStage.Item.Configuration.GetStringOrNull("restApiId").Should().Be("Orders");
        explicitStage.Item.Configuration.GetProperty("accessLogSettings").GetStringOrNull("destinationArn").Should().Be("arn:aws:logs:eu-west-1:123456789012:log-group:api");
        explicitStage.Item.Configuration.GetProperty("tracingEnabled").GetBoolean().Should().BeTrue("Globals.Api applies");

        var prod = items["ServerlessRestApiProdStage"];
        prod.Item.Configuration.GetStringOrNull("stageName").Should().Be("Prod");
        prod.Item.Configuration.GetStringOrNull("restApiId").Should().Be(TemplateReader.ImplicitApiLogicalId);
        prod.Item.Configuration.GetProperty("methodSettings").GetProperty("*/*").GetStringOrNull("loggingLevel").Should().Be("ERROR");
    }

    [Test]
    public void A_stage_the_template_lists_under_sams_logical_id_is_not_generated_twice()
    {
        var items = TemplateReader.Read(TemplateDocument.Load("template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Api
                Properties: { StageName: live }
              OrdersliveStage:
                Type: AWS::ApiGateway::Stage
                Properties: { RestApiId: !Ref Orders, StageName: live, TracingEnabled: true }
            """));

        var stage = items.Single(i => i.Item.ResourceType == Stage);
        stage.Item.ResourceId.Should().Be("OrdersliveStage");
        stage.Item.Configuration.GetProperty("tracingEnabled").GetBoolean().Should().BeTrue("the listed resource is the one judged");
    }

    [Test]
    public void A_change_set_string_boolean_is_read_as_a_boolean()
    {
        var configuration = TemplateText.Read("""
            {"Resources": {"S": {"Type": "AWS::ApiGateway::Stage", "Properties": {"RestApiId": "abc", "StageName": "p", "TracingEnabled": "true",
              "MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": "INFO", "MetricsEnabled": "false"}]}}}}
            """)["S"].Item.Configuration;

        configuration.GetProperty("tracingEnabled").GetBoolean().Should().BeTrue();
        configuration.GetProperty("methodSettings").GetProperty("*/*").GetProperty("metricsEnabled").GetBoolean().Should().BeFalse();
    }

    [Test]
    public void A_boolean_that_is_not_one_is_an_error_naming_the_property()
    {
        var act = () => TemplateText.Read("""
            Resources:
              S:
                Type: AWS::ApiGateway::Stage
                Properties: { RestApiId: abc, StageName: p, TracingEnabled: sometimes }
            """);
        act.Should().Throw<TemplateException>().Which.Problem.Should().Be("TracingEnabled must be true or false.");
    }

    /// <summary>Tracing on, INFO logs and metrics for every method, one method logging ERROR, access logs to the log group.</summary>
    private static void ShouldHaveEverySetting(JsonElement configuration, string errorMethod, string logGroupArn, string because = "")
    {
        configuration.GetProperty("tracingEnabled").GetBoolean().Should().BeTrue();
        var methods = configuration.GetProperty("methodSettings");
        methods.GetProperty("*/*").GetStringOrNull("loggingLevel").Should().Be("INFO", because);
        methods.GetProperty("*/*").GetProperty("metricsEnabled").GetBoolean().Should().BeTrue();
        methods.GetProperty(errorMethod).GetStringOrNull("loggingLevel").Should().Be("ERROR");
        configuration.GetProperty("accessLogSettings").GetStringOrNull("destinationArn").Should().Be(logGroupArn);
    }
}
