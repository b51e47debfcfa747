using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Handlers.Tests.CloudFormationHook.HookRequests;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>A STACK target judges the execution roles its template creates from the template, as check-template does.</summary>
[TestFixture]
public sealed class HookTemplateRoleTests
{
    private const string Rules = """{"lambda-execution-role-check": {"requirePermissionsBoundary": "true"}}""";

    [Test]
    public async Task A_stack_whose_function_role_has_a_forbidden_policy_is_stopped()
    {
        var payloads = new FakePayloads().With("https://payloads.example/roles", StackPayload("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              AdminRole:
                Type: AWS::IAM::Role
                Properties: {ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]}
              Orders:
                Type: AWS::Lambda::Function
                Properties: {Runtime: python3.13, Handler: app.handler, Role: !GetAtt AdminRole.Arn, Code: {ZipFile: x}}
              Reports:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.13, Handler: app.handler, CodeUri: src/, PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary}
            """));

        var response = await Hook(Rules, payloads).HandleAsync(Stack("https://payloads.example/roles"), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        response.Message.Should().Contain("- Orders (line 6): lambda-execution-role-check: Execution role AdminRole has the forbidden policy AdministratorAccess");
        response.Annotations.Single(a => a.StatusMessage!.StartsWith("Reports:", StringComparison.Ordinal)).Status.Should().Be("PASSED");
    }
}
