namespace ConfigRules.CloudFormation.Tests.Mappings;

/// <summary>Web ACL associations give each stage its webAclArn; a web ACL of the same template is an item the WAF rule's lookup reads.</summary>
[TestFixture]
public sealed class WebAclMappingTests
{
    private const string Acl = """
          Acl:
            Type: AWS::WAFv2::WebACL
            Properties:
              Name: api-acl
              Scope: REGIONAL
              DefaultAction: { Allow: {} }
              VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: acl }
              Rules:
                - Name: rate
                  Priority: 0
                  Action: { Block: {} }
                  Statement: { RateBasedStatement: { Limit: 500, AggregateKeyType: IP } }
                  VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: rate }
        """;

    private const string ApiAndStage = """
          Api:
            Type: AWS::ApiGateway::RestApi
            Properties: { Name: orders }
          ProdStage:
            Type: AWS::ApiGateway::Stage
            Properties: { RestApiId: !Ref Api, StageName: prod }
        """;

    private static Dictionary<string, TemplateItem> Read(string resourceArn, string webAclArn = "!GetAtt Acl.Arn") =>
        TemplateText.Read($"""
            Resources:
            {ApiAndStage}
            {Acl}
              Association:
                Type: AWS::WAFv2::WebACLAssociation
                Properties:
                  ResourceArn: {resourceArn}
                  WebACLArn: {webAclArn}
            """);

    [TestCase("!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${ProdStage}")]
    [TestCase("!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod")]
    [TestCase("!Join ['', ['arn:aws:apigateway:', !Ref 'AWS::Region', '::/restapis/', !Ref Api, '/stages/', !Ref ProdStage]]")]
    public void The_association_gives_the_stage_the_web_acl_of_the_template(string resourceArn)
    {
        var items = Read(resourceArn);
        items["ProdStage"].Item.Configuration.GetStringOrNull("webAclArn").Should().Be("${Acl.Arn}");
        items["ProdStage"].Unknowns.Should().BeEmpty();
    }

    [Test]
    public void The_web_acl_is_an_item_with_its_rules_in_configs_shape()
    {
        var acl = Read("!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod")["Acl"].Item;
        acl.ResourceType.Should().Be("AWS::WAFv2::WebACL");
        acl.Configuration.GetStringOrNull("arn").Should().Be("${Acl.Arn}");
        acl.Configuration.GetStringOrNull("name").Should().Be("api-acl");
        var rule = acl.Configuration.GetProperty("rules")[0];
        rule.GetProperty("statement").GetProperty("rateBasedStatement").GetStringOrNull("limit").Should().Be("500");
        rule.GetProperty("action").TryGetProperty("block", out _).Should().BeTrue();
    }

    [Test]
    public void A_web_acl_arn_written_out_is_kept_as_it_is()
    {
        const string arn = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/0a1b2c3d";
        var items = Read("!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod", arn);
        items["ProdStage"].Item.Configuration.GetStringOrNull("webAclArn").Should().Be(arn);
    }

    [Test]
    public void A_web_acl_arn_only_deployment_decides_is_noted()
    {
        var items = Read("!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod", "!ImportValue shared-acl-arn");
        items["ProdStage"].Unknowns["webAclArn"].Should().Be("WebACLArn is not known before deployment: the WebACLArn of Association is unknown (it is !ImportValue, resolved only at deployment), so the web ACL's rules cannot be known before deployment.");
    }

    [Test]
    public void An_association_whose_target_is_unknown_makes_unassociated_stages_unknown()
    {
        var items = TemplateText.Read($"""
            Parameters:
              Target: {"{"} Type: String {"}"}
            Resources:
            {ApiAndStage}
            {Acl}
              Association:
                Type: AWS::WAFv2::WebACLAssociation
                Properties: {"{"} ResourceArn: !Ref Target, WebACLArn: !GetAtt Acl.Arn {"}"}
            """);
        items["ProdStage"].Unknowns["webAclArn"].Should().Contain("the ResourceArn of web ACL association Association is unknown");
    }

    [Test]
    public void An_association_of_another_stage_leaves_this_one_without_a_web_acl()
    {
        var items = Read("arn:aws:apigateway:eu-west-1::/restapis/zz9/stages/prod");
        items["ProdStage"].Item.Configuration.TryGetProperty("webAclArn", out _).Should().BeFalse();
        items["ProdStage"].Unknowns.Should().BeEmpty();
    }

    [Test]
    public void Sam_stages_are_named_by_the_apis_Stage_reference_or_their_generated_logical_id()
    {
        foreach (var target in new[] { "${Orders}/stages/${Orders.Stage}", "${Orders}/stages/${OrdersliveStage}", "${Orders}/stages/live" })
        {
            var items = TemplateText.Read($"""
                Resources:
                  Orders:
                    Type: AWS::Serverless::Api
                    Properties: {"{"} StageName: live {"}"}
                {Acl}
                  Association:
                    Type: AWS::WAFv2::WebACLAssociation
                    Properties:
                      ResourceArn: !Sub arn:aws:apigateway:${"{"}AWS::Region{"}"}::/restapis/{target}
                      WebACLArn: !GetAtt Acl.Arn
                """);
            items["OrdersliveStage"].Item.Configuration.GetStringOrNull("webAclArn").Should().Be("${Acl.Arn}", target);
        }
    }

    [Test]
    public void A_single_resource_cannot_show_its_association()
    {
        var stage = TemplateText.Read("""
            Resources:
              S:
                Type: AWS::ApiGateway::Stage
                Properties: { RestApiId: abc, StageName: p }
            """, TemplateScope.SingleResource)["S"];
        stage.Unknowns["webAclArn"].Should().Contain("separate AWS::WAFv2::WebACLAssociation resource");
    }
}
