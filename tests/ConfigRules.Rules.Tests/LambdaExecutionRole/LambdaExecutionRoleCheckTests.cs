using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaExecutionRole;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaExecutionRole;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class LambdaExecutionRoleCheckTests(ItemShape shape)
{
    private const string Admin = "arn:aws:iam::aws:policy/AdministratorAccess";
    private const string Basic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    private const string PowerUser = "arn:aws:iam::aws:policy/PowerUserAccess";
    private const string Boundary = "arn:aws:iam::123456789012:policy/lambda-boundary";

    private const string AppRole = "arn:aws:iam::123456789012:role/app/orders-role";
    private const string AdminRole = "arn:aws:iam::123456789012:role/ops-admin";
    private const string BoundedRole = "arn:aws:iam::123456789012:role/app/bounded";

    private static readonly FakeRoleLookup Roles = new(
        new ExecutionRoleDetails(AppRole, "orders-role", null, [Basic]),
        new ExecutionRoleDetails(AdminRole, "ops-admin", null, [Basic, Admin, PowerUser]),
        new ExecutionRoleDetails(BoundedRole, "bounded", Boundary, [Basic]));

    private readonly LambdaExecutionRoleCheck _rule = new();

    private ConfigurationItem FunctionWith(string role) => ConfigurationItemBuilder.LambdaFunction().With("role", role).Build(shape);

    private Task<Framework.Evaluation.Evaluation> Run(string role, params (string, string)[] parameters) =>
        HarnessFor(_rule, RuleServices.Empty.Add<IExecutionRoleLookup>(Roles)).EvaluateAsync(FunctionWith(role), Params(parameters));

    [Test]
    public async Task A_role_the_template_creates_is_judged_by_its_policies_and_its_arn_is_not_held_against_the_patterns()
    {
        var created = DeploymentAssignedArn.Role("OrdersRole");
        var lookup = new FakeRoleLookup(new ExecutionRoleDetails(created, "OrdersRole", null, [Admin]));
        var services = RuleServices.Empty.Add<IExecutionRoleLookup>(lookup);
        var clean = DeploymentAssignedArn.Role("CleanRole");
        var cleanLookup = RuleServices.Empty.Add<IExecutionRoleLookup>(new FakeRoleLookup(new ExecutionRoleDetails(clean, "CleanRole", null, [Basic])));
        var patterns = Params(("allowedRoleArnPatterns", "arn:aws:iam::*:role/app-*"));

        (await HarnessFor(_rule, services).EvaluateAsync(FunctionWith(created), patterns)).ComplianceType.Should().Be(ComplianceType.NonCompliant, "its policy is known");
        (await HarnessFor(_rule, services).EvaluateAsync(FunctionWith(created), patterns)).Annotation.Should().NotContain("matches no allowed pattern");
        var unknownArn = await HarnessFor(_rule, cleanLookup).EvaluateAsync(FunctionWith(clean), patterns);
        unknownArn.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        unknownArn.Annotation.Should().Contain("CleanRole").And.Contain("not known before deployment");
        (await HarnessFor(_rule, cleanLookup).EvaluateAsync(FunctionWith(clean), Params())).ComplianceType.Should().Be(ComplianceType.Compliant);
    }

    [Test]
    public async Task A_plain_role_complies_with_the_defaults()
    {
        var evaluation = await Run(AppRole);
        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
        evaluation.Annotation.Should().Be("Execution role orders-role has no forbidden policy attached.");
    }

    [Test]
    public async Task AdministratorAccess_is_forbidden_by_default()
    {
        var evaluation = await Run(AdminRole);
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be("Execution role ops-admin has the forbidden policy AdministratorAccess attached; detach it and grant only what the function needs.");
    }

    [Test]
    public async Task Every_forbidden_policy_attached_is_named()
    {
        var evaluation = await Run(AdminRole, ("forbiddenPolicyArns", $"{Admin},{PowerUser}"));
        evaluation.Annotation.Should().Be("Execution role ops-admin has forbidden policies AdministratorAccess, PowerUserAccess attached; detach them and grant only what the function needs.");
    }

    [Test]
    public async Task A_role_that_does_not_exist_is_a_clear_finding()
    {
        var evaluation = await Run("arn:aws:iam::123456789012:role/deleted");
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be("Execution role arn:aws:iam::123456789012:role/deleted does not exist; create it or give the function an existing role.");
    }

    [TestCase("arn:aws:iam::*:role/app/*", AppRole, ComplianceType.Compliant)]
    [TestCase("arn:aws:iam::*:role/app/*, arn:aws:iam::*:role/ops-*", AdminRole, ComplianceType.NonCompliant)] // allowed, but AdministratorAccess
    [TestCase("arn:aws:iam::*:role/svc-*", AppRole, ComplianceType.NonCompliant)]
    [TestCase("arn:aws:iam::123456789012:role/app/orders.role", AppRole, ComplianceType.NonCompliant)]
    public async Task Allowed_patterns_match_the_whole_arn(string patterns, string role, ComplianceType expected)
    {
        (await Run(role, ("allowedRoleArnPatterns", patterns))).ComplianceType.Should().Be(expected);
    }

    [Test]
    public async Task A_role_outside_the_patterns_says_which_patterns_apply()
    {
        var evaluation = await Run(AppRole, ("allowedRoleArnPatterns", "arn:aws:iam::*:role/svc-*"));
        evaluation.Annotation.Should().Be(
            "Execution role arn:aws:iam::123456789012:role/app/orders-role matches no allowed pattern (arn:aws:iam::*:role/svc-*); use an approved role or extend lambda-execution-role-check's allowedRoleArnPatterns.");
    }

    [Test]
    public async Task Required_boundary_missing_is_a_finding_and_present_complies()
    {
        (await Run(AppRole, ("requirePermissionsBoundary", "true"))).Annotation.Should()
            .Be("Execution role orders-role has no permissions boundary, which is required; set PermissionsBoundary on the role.");
        var bounded = await Run(BoundedRole, ("requirePermissionsBoundary", "true"), ("allowedRoleArnPatterns", "arn:aws:iam::*:role/app/*"));
        bounded.ComplianceType.Should().Be(ComplianceType.Compliant);
        bounded.Annotation.Should().Be("Execution role bounded matches an allowed pattern, has no forbidden policy attached and has a permissions boundary.");
    }

    [Test]
    public async Task Several_findings_are_reported_together_within_256_characters()
    {
        var evaluation = await Run(AdminRole,
            ("allowedRoleArnPatterns", "arn:aws:iam::*:role/app/*"),
            ("requirePermissionsBoundary", "true"),
            ("forbiddenPolicyArns", $"{Admin},{PowerUser}"));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().StartWith("Execution role arn:aws:iam::123456789012:role/ops-admin matches no allowed pattern");
        evaluation.Annotation!.Length.Should().BeLessThanOrEqualTo(256);
    }

    [Test]
    public async Task Each_finding_alone_fits_even_with_long_role_names_and_many_patterns()
    {
        var longRole = "arn:aws:iam::123456789012:role/" + new string('p', 60) + "/" + new string('r', 64);
        var patterns = string.Join(",", Enumerable.Range(0, 20).Select(i => $"arn:aws:iam::*:role/team-{i}-*"));
        var verdict = await HarnessFor(_rule).JudgeAsync(FunctionWith(longRole), Params(("allowedRoleArnPatterns", patterns), ("forbiddenPolicyArns", "")));
        verdict.Compliance.Should().Be(ComplianceType.NonCompliant);
        verdict.Annotation!.Length.Should().BeLessThanOrEqualTo(256, verdict.Annotation);
        verdict.Annotation.Should().Contain("more").And.Contain("...").And.Contain("rrrr");
        var missing = await HarnessFor(_rule, RuleServices.Empty.Add<IExecutionRoleLookup>(Roles)).JudgeAsync(FunctionWith(longRole), Params());
        missing.Annotation.Should().Contain("does not exist");
        missing.Annotation!.Length.Should().BeLessThanOrEqualTo(256, missing.Annotation);
    }

    [Test]
    public async Task Offline_without_the_role_in_the_input_only_the_patterns_can_be_judged()
    {
        var outside = await HarnessFor(_rule).EvaluateAsync(FunctionWith(AppRole), Params(("allowedRoleArnPatterns", "arn:aws:iam::*:role/svc-*")));
        outside.ComplianceType.Should().Be(ComplianceType.NonCompliant);

        var inside = await HarnessFor(_rule).EvaluateAsync(FunctionWith(AppRole));
        inside.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        inside.Annotation.Should().Contain("is not among the input's AWS::IAM::Role items");
    }

    [Test]
    public async Task The_lookup_is_not_needed_when_nothing_but_patterns_is_checked()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(FunctionWith(AppRole), Params(("allowedRoleArnPatterns", "arn:aws:iam::*:role/app/*"), ("forbiddenPolicyArns", " ")));
        // An empty value means the default, so AdministratorAccess is still checked and the lookup is needed.
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
    }

    [Test]
    public async Task A_function_without_a_role_is_not_applicable()
    {
        var evaluation = await HarnessFor(_rule, RuleServices.Empty.Add<IExecutionRoleLookup>(Roles)).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Without("role").Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("no execution role");
    }
}

public class LambdaExecutionRoleCheckParameterTests
{
    private readonly LambdaExecutionRoleCheck _rule = new();

    [Test]
    public void Defaults_forbid_AdministratorAccess_only()
    {
        var parameters = _rule.ParseParameters(Params());
        parameters.AllowedRoleArnPatterns.Should().BeEmpty();
        parameters.ForbiddenPolicyArns.Should().Equal("arn:aws:iam::aws:policy/AdministratorAccess");
        parameters.RequirePermissionsBoundary.Should().BeFalse();
        parameters.NeedsRoleDetails.Should().BeTrue();
    }

    [TestCase("allowedRoleArnPatterns", "app-role", "'allowedRoleArnPatterns' has an entry that is not valid: 'app-role'; expected a comma-separated list of role ARN patterns starting with arn: or *")]
    [TestCase("forbiddenPolicyArns", "AdministratorAccess", "'forbiddenPolicyArns' has an entry that is not valid: 'AdministratorAccess'; expected a comma-separated list of managed policy ARNs without wildcards")]
    [TestCase("forbiddenPolicyArns", "arn:aws:iam::aws:policy/*", "'forbiddenPolicyArns' has an entry that is not valid: 'arn:aws:iam::aws:policy/*'")]
    [TestCase("requirePermissionsBoundary", "yes", "'requirePermissionsBoundary' value 'yes' is not valid; expected true or false.")]
    public void A_bad_parameter_is_named(string name, string value, string expected)
    {
        var parse = () => _rule.ParseParameters(Params((name, value)));
        parse.Should().Throw<InvalidParameterValueException>().WithMessage($"Invalid parameter for lambda-execution-role-check: *{expected}*");
    }

    [Test]
    public void Every_problem_is_listed_in_one_message()
    {
        var parse = () => _rule.ParseParameters(Params(
            ("allowedRoleArnPatterns", "app-role,arn:aws:iam::*:role/ok-*,other role"),
            ("forbiddenPolicyArns", "Admin"),
            ("requirePermissionsBoundary", "1")));
        var error = parse.Should().Throw<InvalidParameterValueException>().Which;
        error.Problems.Should().HaveCount(3);
        error.Message.Should().Contain("2 entries that are not valid: 'app-role', 'other role'");
    }
}
