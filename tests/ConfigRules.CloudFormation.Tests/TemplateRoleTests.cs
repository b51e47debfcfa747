using System.Text.Json;

namespace ConfigRules.CloudFormation.Tests;

/// <summary>
/// The execution roles a template creates become AWS::IAM::Role items under the ARN deployment will replace, and the
/// functions that use them name that ARN: an AWS::IAM::Role's ManagedPolicyArns and PermissionsBoundary, SAM's
/// generated role from Policies and PermissionsBoundary, and a Role given in Globals.
/// </summary>
[TestFixture]
public sealed class TemplateRoleTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Boundary: {Type: String, Default: "arn:aws:iam::123456789012:policy/boundary"}
          Imported: {Type: String}
        Globals:
          Function: {Runtime: python3.13, Handler: app.handler, CodeUri: src/}
        Resources:
          AdminRole:
            Type: AWS::IAM::Role
            Properties:
              RoleName: admin-role
              ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
              PermissionsBoundary: !Ref Boundary
          UnknownRole:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns: [!Ref Imported]
          AdminFunction:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.13, Handler: app.handler, Role: !GetAtt AdminRole.Arn, Code: {ZipFile: x}}
          UnknownFunction:
            Type: AWS::Lambda::Function
            Properties: {Runtime: python3.13, Handler: app.handler, Role: !GetAtt UnknownRole.Arn, Code: {ZipFile: x}}
          SamFunction:
            Type: AWS::Serverless::Function
            Properties:
              Policies: [AmazonS3ReadOnlyAccess, {Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: "*"}]}, DynamoDBCrudPolicy: {TableName: t}]
              PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
              Tracing: Active
        """;

    [Test]
    public void An_iam_role_of_the_template_is_an_item_with_its_managed_policies_and_boundary()
    {
        var items = Read(Template);

        var role = items["AdminRole"].Item;
        role.ResourceType.Should().Be("AWS::IAM::Role");
        role.Arn.Should().Be(DeploymentAssignedArn.Role("AdminRole"));
        role.Configuration.GetProperty("roleName").GetString().Should().Be("admin-role");
        role.Configuration.GetProperty("permissionsBoundary").GetProperty("permissionsBoundaryArn").GetString().Should().Be("arn:aws:iam::123456789012:policy/boundary");
        Policies(role).Should().Equal("arn:aws:iam::aws:policy/AdministratorAccess");
        items["AdminFunction"].Item.Configuration.GetProperty("role").GetString().Should().Be(DeploymentAssignedArn.Role("AdminRole"));
        DeploymentAssignedArn.IsAssigned(DeploymentAssignedArn.Role("AdminRole")).Should().BeTrue();
        DeploymentAssignedArn.IsAssigned("arn:aws:iam::123456789012:role/admin-role").Should().BeFalse();
    }

    [Test]
    public void A_role_whose_policies_only_deployment_decides_leaves_the_function_role_unknown()
    {
        var items = Read(Template);

        items.Should().NotContainKey("UnknownRole");
        items["UnknownFunction"].Unknowns["role"].Should().Contain("!GetAtt UnknownRole.Arn");
    }

    [Test]
    public void Sam_generates_the_role_of_a_function_without_one_from_its_policies_and_boundary()
    {
        var items = Read(Template);

        var role = items["SamFunctionRole"].Item;
        Policies(role).Should().Equal(
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
        role.Configuration.GetProperty("permissionsBoundary").GetProperty("permissionsBoundaryArn").GetString().Should().EndWith(":policy/boundary");
        items["SamFunction"].Item.Configuration.GetProperty("role").GetString().Should().Be(DeploymentAssignedArn.Role("SamFunctionRole"));
        items["SamFunction"].Unknowns.Should().NotContainKey("role");
    }

    [Test]
    public void A_role_from_globals_is_the_functions_role()
    {
        var items = Read("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: {Runtime: python3.13, Handler: app.handler, CodeUri: src/, Role: !GetAtt SharedRole.Arn}
            Resources:
              SharedRole:
                Type: AWS::IAM::Role
                Properties: {ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]}
              Worker:
                Type: AWS::Serverless::Function
            """);

        items["Worker"].Item.Configuration.GetProperty("role").GetString().Should().Be(DeploymentAssignedArn.Role("SharedRole"));
        items.Should().NotContainKey("WorkerRole", "SAM generates no role for a function that has one");
    }

    private static Dictionary<string, TemplateItem> Read(string text) =>
        TemplateReader.Read(TemplateDocument.Load("roles.yaml", text)).ToDictionary(item => item.Item.ResourceId);

    private static IEnumerable<string?> Policies(ConfigurationItem role) =>
        role.Configuration.GetProperty("attachedManagedPolicies").EnumerateArray().Select(policy => policy.GetProperty("policyArn").GetString());
}
