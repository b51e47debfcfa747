using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>
/// lambda-execution-role-check end to end through the published bootstrap: the role read from the fake IAM with
/// signed GetRole and ListAttachedRolePolicies. Fixture functions use the role <c>{name}-role</c>.
/// </summary>
public sealed class LambdaExecutionRoleCheckProcessTests() : RuleProcessTests("lambda-execution-role-check", FunctionItems.ResourceType)
{
    private const string AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";
    private const string BasicExecution = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    private const string Boundary = "arn:aws:iam::123456789012:policy/workload-boundary";
    private const string BoundaryRequired = """{"requirePermissionsBoundary":"true"}""";

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Iam.PutRole("admin-fn-role", null, BasicExecution, AdministratorAccess);
        aws.Iam.PutRole("audit-fn-role", Boundary, AdministratorAccess);
        aws.Iam.PutRole("plain-fn-role", null, BasicExecution);
        aws.Iam.PutRole("bounded-fn-role", Boundary, BasicExecution);

        aws.Config.Put(Recorded(Function("role-oversized").With("memorySize", Number("128.0"))));
        aws.Iam.PutRole("role-oversized-role", null, AdministratorAccess);
        aws.Config.Put(Recorded(Function("role-clean")));
        aws.Iam.PutRole("role-clean-role", Boundary, BasicExecution);
        aws.Config.Put(Recorded(Function("role-missing")));
        aws.Config.Put(Recorded(Function("role-unrecorded").With("role", null)));
    }

    [TestCase("admin-fn", "{}", "NON_COMPLIANT",
        "Execution role admin-fn-role has the forbidden policy AdministratorAccess attached; detach it and grant only what the function needs.")]
    [TestCase("ghost-fn", "{}", "NON_COMPLIANT",
        "Execution role arn:aws:iam::123456789012:role/ghost-fn-role does not exist; create it or give the function an existing role.")]
    [TestCase("plain-fn", BoundaryRequired, "NON_COMPLIANT",
        "Execution role plain-fn-role has no permissions boundary, which is required; set PermissionsBoundary on the role.")]
    [TestCase("admin-fn", BoundaryRequired, "NON_COMPLIANT",
        "Execution role admin-fn-role has the forbidden policy AdministratorAccess attached; detach it and grant only what the function needs. " +
        "Execution role admin-fn-role has no permissions boundary, which is required; set PermissionsBoundary on the role.")]
    [TestCase("bounded-fn", BoundaryRequired, "COMPLIANT", null)]
    [TestCase("plain-fn", "{}", "COMPLIANT", null)]
    [TestCase("bounded-fn", """{"allowedRoleArnPatterns":"arn:aws:iam::*:role/svc-*"}""", "NON_COMPLIANT",
        "Execution role arn:aws:iam::123456789012:role/bounded-fn-role matches no allowed pattern (arn:aws:iam::*:role/svc-*); use an approved role or extend lambda-execution-role-check's allowedRoleArnPatterns.")]
    [TestCase("bounded-fn", """{"allowedRoleArnPatterns":"arn:aws:iam::*:role/svc-*, arn:aws:iam::123456789012:role/*-fn-role"}""", "COMPLIANT", null)]
    [TestCase("plain-fn", """{"forbiddenPolicyArns":"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}""", "NON_COMPLIANT",
        "Execution role plain-fn-role has the forbidden policy AWSLambdaBasicExecutionRole attached; detach it and grant only what the function needs.")]
    public async Task A_change_notification_judges_the_role_as_IAM_describes_it(
        string name, string parameters, string complianceType, string? annotation) =>
        await ShouldJudgeAsync(Function(name).With("memorySize", Number("128.0")), parameters, complianceType, annotation);

    [Test]
    public async Task The_role_is_read_with_signed_GetRole_and_ListAttachedRolePolicies()
    {
        await ShouldJudgeAsync(Function("audit-fn"), BoundaryRequired, "NON_COMPLIANT",
            "Execution role audit-fn-role has the forbidden policy AdministratorAccess attached; detach it and grant only what the function needs.");

        var calls = IamCallsFor("audit-fn-role");
        calls.Select(c => c.Operation).Should().Contain(["GetRole", "ListAttachedRolePolicies"]);
        foreach (var call in calls)
        {
            call.SignatureValid.Should().BeTrue(call.ToString());
            call.Status.Should().Be(200, call.ToString());
            call.Request.Method.Should().Be("POST");
            call.Request.Form["Version"].Should().Be(FakeIamService.Version);
            call.Request.Header("Authorization").Should().Contain("/us-east-1/iam/aws4_request", "IAM is global and signed for us-east-1");
            call.Request.Header("X-Amz-Security-Token").Should().Be(LoopbackAwsServer.SessionToken);
        }
    }

    [Test]
    public async Task A_role_IAM_cannot_find_is_non_compliant_not_a_failure()
    {
        var evaluation = await ShouldJudgeAsync(Function("vanished-fn"), "{}", "NON_COMPLIANT");

        evaluation.Annotation.Should().Contain("role/vanished-fn-role does not exist");
        var getRole = IamCallsFor("vanished-fn-role").Should().ContainSingle(c => c.Operation == "GetRole").Subject;
        getRole.SignatureValid.Should().BeTrue();
        getRole.ErrorCode.Should().Be("NoSuchEntity");
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape() =>
        await ShouldJudgeOversizedAsync(Function("role-oversized"), "{}", "NON_COMPLIANT",
            "Execution role role-oversized-role has the forbidden policy AdministratorAccess attached; detach it and grant only what the function needs.");

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result()
    {
        var invocation = await ShouldJudgeTheAccountAsync("role-removed", new Dictionary<string, string>
        {
            ["role-oversized"] = "NON_COMPLIANT",
            ["role-clean"] = "COMPLIANT",
            ["role-missing"] = "NON_COMPLIANT",
            ["role-unrecorded"] = "NOT_APPLICABLE",
        });

        invocation.Evaluations.Single(e => e.ResourceId == "role-missing").Annotation.Should().Contain("does not exist");
    }

    [TestCase("""{"allowedRoleArnPatterns":"role/app-*"}""", "allowedRoleArnPatterns")]
    [TestCase("""{"forbiddenPolicyArns":"arn:aws:iam::aws:policy/*"}""", "forbiddenPolicyArns")]
    [TestCase("""{"requirePermissionsBoundary":"always"}""", "requirePermissionsBoundary")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named) =>
        await ShouldRefuseAsync(Function("plain-fn"), parameters, named);

    private IReadOnlyList<RecordedRequest> IamCallsFor(string roleName) =>
        [.. Aws.RequestsFor("iam").Where(r => r.Request.Form.TryGetValue("RoleName", out var name) && name == roleName)];
}
