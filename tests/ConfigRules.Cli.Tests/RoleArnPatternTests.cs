using System.Text.Json.Nodes;
using ConfigRules.Cli.Tests.Support;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>
/// A role ARN outside lambda-execution-role-check's allowedRoleArnPatterns is a finding whether or not the role's
/// details are in the input: NON_COMPLIANT in check-template and in evaluate, never NOT_APPLICABLE; a role inside
/// the patterns without its details stays NOT_APPLICABLE (its policies cannot be judged).
/// </summary>
[TestFixture]
public sealed class RoleArnPatternTests
{
    private const string Allowed = "arn:aws:iam::*:role/app-*";

    [Test]
    public async Task Check_template_reports_a_role_outside_the_patterns_without_the_roles_details()
    {
        using var directory = new TemporaryDirectory();
        var template = directory.Write("roles.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: {Runtime: python3.13, Handler: app.handler, CodeUri: src/}
            Resources:
              AdminFunction:
                Type: AWS::Serverless::Function
                Properties: {Role: arn:aws:iam::123456789012:role/admin}
              AppFunction:
                Type: AWS::Serverless::Function
                Properties: {Role: arn:aws:iam::123456789012:role/app-orders}
            """);

        var run = await Run("check-template", template);

        run.Evaluations()[("lambda-execution-role-check", "AdminFunction")].Should().Be("NON_COMPLIANT", run.ToString());
        run.Annotation("lambda-execution-role-check", "AdminFunction").Should().Contain("role/admin").And.Contain("matches no allowed pattern");
        run.Evaluations()[("lambda-execution-role-check", "AppFunction")].Should().Be("NOT_APPLICABLE");
    }

    [Test]
    public async Task Evaluate_reports_a_role_outside_the_patterns_without_the_roles_item()
    {
        using var directory = new TemporaryDirectory();
        var items = directory.Write("functions.json", new JsonArray(Function("admin-fn", "admin"), Function("app-fn", "app-orders")).ToJsonString());

        var run = await Run("evaluate", items);

        run.Evaluations()[("lambda-execution-role-check", "admin-fn")].Should().Be("NON_COMPLIANT", run.ToString());
        run.Annotation("lambda-execution-role-check", "admin-fn").Should().Contain("role/admin").And.Contain("matches no allowed pattern");
        run.Evaluations()[("lambda-execution-role-check", "app-fn")].Should().Be("NOT_APPLICABLE");
    }

    [Test]
    public async Task Check_template_judges_the_roles_the_template_creates_from_the_template()
    {
        using var directory = new TemporaryDirectory();
        var template = directory.Write("created-roles.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: {Runtime: python3.13, Handler: app.handler, CodeUri: src/}
            Resources:
              AdminRole:
                Type: AWS::IAM::Role
                Properties: {ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]}
              BoundedRole:
                Type: AWS::IAM::Role
                Properties: {PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary}
              AdminFunction:
                Type: AWS::Serverless::Function
                Properties: {Role: !GetAtt AdminRole.Arn}
              BoundedFunction:
                Type: AWS::Lambda::Function
                Properties: {Runtime: python3.13, Handler: app.handler, Role: !GetAtt BoundedRole.Arn, Code: {ZipFile: x}}
              SamAdminFunction:
                Type: AWS::Serverless::Function
                Properties: {Policies: [AdministratorAccess]}
              SamBoundedFunction:
                Type: AWS::Serverless::Function
                Properties: {PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary}
            """);

        var run = await InProcessCli.RunAsync(RuleCatalog.All, null, "check-template", template, "--rule", "lambda-execution-role-check",
            "--param", "lambda-execution-role-check.requirePermissionsBoundary=true", "--format", "json");
        var patterned = await Run("check-template", template);

        var evaluations = run.Evaluations();
        evaluations[("lambda-execution-role-check", "AdminFunction")].Should().Be("NON_COMPLIANT", run.ToString());
        run.Annotation("lambda-execution-role-check", "AdminFunction").Should().Contain("AdministratorAccess").And.Contain("no permissions boundary");
        evaluations[("lambda-execution-role-check", "BoundedFunction")].Should().Be("COMPLIANT");
        evaluations[("lambda-execution-role-check", "SamAdminFunction")].Should().Be("NON_COMPLIANT");
        run.Annotation("lambda-execution-role-check", "SamAdminFunction").Should().Contain("SamAdminFunctionRole").And.Contain("AdministratorAccess");
        evaluations[("lambda-execution-role-check", "SamBoundedFunction")].Should().Be("COMPLIANT");
        // With patterns: a created role's ARN is assigned at deployment, so only its policies can fail it.
        patterned.Evaluations()[("lambda-execution-role-check", "AdminFunction")].Should().Be("NON_COMPLIANT");
        patterned.Evaluations()[("lambda-execution-role-check", "BoundedFunction")].Should().Be("NOT_APPLICABLE");
        patterned.Annotation("lambda-execution-role-check", "BoundedFunction").Should().Contain("not known before deployment");
    }

    private static Task<CliRun> Run(string command, string input) =>
        InProcessCli.RunAsync(RuleCatalog.All, null, command, input, "--rule", "lambda-execution-role-check",
            "--param", $"lambda-execution-role-check.allowedRoleArnPatterns={Allowed}", "--format", "json");

    private static JsonObject Function(string name, string role) => new()
    {
        ["configurationItemCaptureTime"] = "2026-11-30T10:00:00.000Z",
        ["awsAccountId"] = "123456789012",
        ["configurationItemStatus"] = "OK",
        ["resourceType"] = "AWS::Lambda::Function",
        ["resourceId"] = name,
        ["resourceName"] = name,
        ["awsRegion"] = "eu-west-1",
        ["configuration"] = new JsonObject
        {
            ["functionName"] = name, ["runtime"] = "python3.13", ["handler"] = "app.handler", ["memorySize"] = 256, ["timeout"] = 30,
            ["role"] = $"arn:aws:iam::123456789012:role/{role}", ["packageType"] = "Zip", ["codeSize"] = 1024,
        },
    };

    private sealed class TemporaryDirectory : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("role-patterns-");

        public string Write(string name, string text)
        {
            var path = Path.Combine(_directory.FullName, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => _directory.Delete(recursive: true);
    }
}
