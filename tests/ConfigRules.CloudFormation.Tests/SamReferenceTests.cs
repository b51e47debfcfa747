namespace ConfigRules.CloudFormation.Tests;

/// <summary>What SAM generates is referable, as SAM documents it; state machines' Api events get the implicit API too.</summary>
[TestFixture]
public sealed class SamReferenceTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.13
              Handler: app.handler
              AutoPublishAlias: live
          OrdersApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
          Consumer:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.13
              Handler: app.handler
              Role: !GetAtt OrdersFunctionRole.Arn
              Description: !Ref {0}
        """;

    [TestCase("OrdersFunction.Version")]
    [TestCase("OrdersFunction.Alias")]
    [TestCase("OrdersFunction.DestinationTopic")]
    [TestCase("OrdersApi.Stage")]
    [TestCase("OrdersApi.Deployment")]
    [TestCase("OrdersFunctionRole")]
    [TestCase("OrdersFunctionAliaslive")]
    [TestCase("ServerlessRestApi")]
    [TestCase("ServerlessRestApiProdStage")]
    public void A_reference_to_a_resource_sam_generates_is_known_only_after_deployment(string reference)
    {
        var items = TemplateReader.Read(TemplateDocument.Load("sam.yaml", Template.Replace("{0}", reference, StringComparison.Ordinal)));

        items.Select(i => i.Item.ResourceId).Should().Contain("Consumer", "the template is read, not refused");
    }

    [Test]
    public void A_reference_to_nothing_sam_generates_is_still_refused()
    {
        var act = () => TemplateReader.Read(TemplateDocument.Load("sam.yaml", Template.Replace("{0}", "Elsewhere.Version", StringComparison.Ordinal)));

        act.Should().Throw<TemplateException>().Which.Problem.Should().Contain("'Elsewhere.Version'");
    }

    [Test]
    public void Api_events_of_a_state_machine_make_the_implicit_edge_rest_api()
    {
        var items = TemplateReader.Read(TemplateDocument.Load("sam.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Workflow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: statemachine.asl.json
                  Events:
                    Start:
                      Type: Api
                      Properties:
                        Path: /start
                        Method: post
            """));

        var api = items.Should().ContainSingle(i => i.Item.ResourceId == TemplateReader.ImplicitApiLogicalId).Subject.Item;
        api.ResourceType.Should().Be("AWS::ApiGateway::RestApi");
        api.Configuration.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString().Should().Be("EDGE");
    }
}
