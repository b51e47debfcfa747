using System.Text.Json;

namespace ConfigRules.CloudFormation.Tests.Mappings;

/// <summary>A function's resource policy, as deployment builds it from permissions, function URLs and SAM event sources.</summary>
[TestFixture]
public sealed class FunctionPolicyMappingTests
{
    private const string Function = """
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: orders
              Runtime: python3.13
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/orders
              Code: { ZipFile: "def handler(e, c): pass" }
        """;

    private static JsonElement Statements(TemplateItem function) =>
        function.Item.SupplementaryConfiguration["Policy"].GetProperty("Statement");

    [Test]
    public void A_permission_becomes_a_statement_with_its_principal_and_conditions()
    {
        var fn = TemplateText.Read($"""
            Resources:
            {Function}
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  FunctionName: !GetAtt Fn.Arn
                  Action: lambda:InvokeFunction
                  Principal: s3.amazonaws.com
                  SourceAccount: !Ref AWS::AccountId
                  SourceArn: !Sub arn:aws:s3:::uploads-${"{"}AWS::AccountId{"}"}
              Partner:
                Type: AWS::Lambda::Permission
                Properties:
                  FunctionName: orders
                  Action: lambda:InvokeFunction
                  Principal: '210987654321'
                  PrincipalOrgID: o-abc123
            """)["Fn"];

        fn.Unknowns.Should().NotContainKey("supplementaryConfiguration.Policy");
        var statements = Statements(fn);
        statements.GetArrayLength().Should().Be(2);
        statements[0].GetProperty("Sid").GetString().Should().Be("Invoke");
        statements[0].GetProperty("Principal").GetProperty("Service").GetString().Should().Be("s3.amazonaws.com");
        statements[0].GetProperty("Condition").GetProperty("StringEquals").GetProperty("AWS:SourceAccount").GetString().Should().Be("${AWS::AccountId}");
        statements[0].GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString().Should().Be("arn:aws:s3:::uploads-${AWS::AccountId}");
        statements[1].GetProperty("Principal").GetProperty("AWS").GetString().Should().Be("arn:aws:iam::210987654321:root", "the function is named by its FunctionName");
        statements[1].GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:PrincipalOrgID").GetString().Should().Be("o-abc123");
    }

    [TestCase("AWS::Lambda::Url", "TargetFunctionArn: !GetAtt Fn.Arn\n      AuthType: NONE")]
    [TestCase("AWS::Lambda::Permission", "FunctionName: !Ref Fn\n      Action: lambda:InvokeFunctionUrl\n      Principal: '*'\n      FunctionUrlAuthType: NONE")]
    public void A_public_function_url_is_a_grant_to_everyone_with_auth_type_NONE(string type, string properties)
    {
        var fn = TemplateText.Read($"""
            Resources:
            {Function}
              Url:
                Type: {type}
                Properties:
                  {properties}
            """)["Fn"];

        var statement = Statements(fn)[0];
        statement.GetProperty("Principal").GetString().Should().Be("*");
        statement.GetProperty("Action").GetString().Should().Be("lambda:InvokeFunctionUrl");
        statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("lambda:FunctionUrlAuthType").GetString().Should().Be("NONE");
    }

    [Test]
    public void A_function_url_with_iam_auth_grants_nothing()
    {
        var fn = TemplateText.Read($"""
            Resources:
            {Function}
              Url:
                Type: AWS::Lambda::Url
                Properties: {"{"} TargetFunctionArn: !Ref Fn, AuthType: AWS_IAM {"}"}
            """)["Fn"];
        fn.Item.SupplementaryConfiguration.Should().NotContainKey("Policy");
        fn.Unknowns.Should().NotContainKey("supplementaryConfiguration.Policy");
    }

    [Test]
    public void Sam_function_url_config_and_event_sources_create_permissions_as_sam_does()
    {
        var fn = TemplateText.Read("""
            Globals:
              Function:
                FunctionUrlConfig: { AuthType: NONE }
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Handler: app.handler
                  Events:
                    GetOrder: { Type: Api, Properties: { Path: '/orders/{id}', Method: get } }
                    Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
                    Queue: { Type: SQS, Properties: { Queue: arn:aws:sqs:eu-west-1:123456789012:q } }
            """)["Api"];

        var statements = Statements(fn).EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);
        statements.Keys.Should().BeEquivalentTo(["ApiUrlPublicPermissions", "ApiGetOrderPermission", "ApiNightlyPermission"], "SQS is polled through the role");
        statements["ApiUrlPublicPermissions"].GetProperty("Principal").GetString().Should().Be("*");
        var api = statements["ApiGetOrderPermission"];
        api.GetProperty("Principal").GetProperty("Service").GetString().Should().Be("apigateway.amazonaws.com");
        api.GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString()
            .Should().Be("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ServerlessRestApi}/*/GET/orders/{id}");
        statements["ApiNightlyPermission"].GetProperty("Principal").GetProperty("Service").GetString().Should().Be("events.amazonaws.com");
    }

    [Test]
    public void A_permission_whose_function_cannot_be_told_makes_every_policy_unknown()
    {
        var fn = TemplateText.Read($"""
            Parameters:
              Target: {"{"} Type: String {"}"}
            Resources:
            {Function}
              Invoke:
                Type: AWS::Lambda::Permission
                Properties: {"{"} FunctionName: !Ref Target, Action: lambda:InvokeFunction, Principal: '*' {"}"}
            """)["Fn"];
        fn.Unknowns["supplementaryConfiguration.Policy"].Should()
            .Be("Policy is not known before deployment: the FunctionName of permission Invoke is unknown (it is !Ref Target, a parameter without a Default).");
    }

    [Test]
    public void A_principal_only_deployment_decides_makes_the_policy_unknown_naming_it()
    {
        var fn = TemplateText.Read($"""
            Parameters:
              Caller: {"{"} Type: String {"}"}
            Resources:
            {Function}
              Invoke:
                Type: AWS::Lambda::Permission
                Properties: {"{"} FunctionName: !Ref Fn, Action: lambda:InvokeFunction, Principal: !Ref Caller {"}"}
            """)["Fn"];
        fn.Unknowns["supplementaryConfiguration.Policy"].Should().Contain("the Principal of Invoke is unknown (it is !Ref Caller");
    }

    [Test]
    public void A_permission_for_a_function_outside_the_template_changes_nothing()
    {
        var fn = TemplateText.Read($"""
            Resources:
            {Function}
              Other:
                Type: AWS::Lambda::Permission
                Properties: {"{"} FunctionName: arn:aws:lambda:eu-west-1:123456789012:function:elsewhere, Action: lambda:InvokeFunction, Principal: '*' {"}"}
            """)["Fn"];
        fn.Item.SupplementaryConfiguration.Should().NotContainKey("Policy");
    }

    [Test]
    public void A_single_function_cannot_show_its_permissions()
    {
        var fn = TemplateText.Read($"""
            Resources:
            {Function}
            """, TemplateScope.SingleResource)["Fn"];
        fn.Unknowns["supplementaryConfiguration.Policy"].Should().Contain("separate AWS::Lambda::Permission and AWS::Lambda::Url resources");
    }
}
