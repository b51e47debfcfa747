using ConfigRules.Aws.Iam;
using ConfigRules.Aws.Lambda;
using ConfigRules.Aws.Transport;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaConcurrency;
using ConfigRules.Rules.LambdaExecutionRole;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.Lookups;

/// <summary>The Lambda host's AWS-backed lookups, through signed requests to a loopback AWS account.</summary>
[NonParallelizable]
public sealed class AwsLookupTests
{
    private const string Admin = "arn:aws:iam::aws:policy/AdministratorAccess";
    private const string Basic = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    private LoopbackAws _aws = null!;

    [SetUp]
    public void SetUp() => _aws = LoopbackAws.Start();

    [TearDown]
    public async Task TearDown() => await _aws.DisposeAsync();

    private RuleServices Services() => RuleLookups.Live(RuleCatalog.Definitions, new LookupInfrastructure(TimeProvider.System).With(_aws.Context));

    [Test]
    public async Task Concurrency_comes_from_GetFunctionConcurrency_including_zero_and_none()
    {
        _aws.Server.Lambda.PutFunction("orders-api", 0);
        _aws.Server.Lambda.PutFunction("free-fn", null);
        var lookup = new LambdaConcurrencyLookup(LambdaClient.Create(_aws.Context));

        (await lookup.GetReservedConcurrencyAsync("orders-api", CancellationToken.None)).Should().Be(0);
        (await lookup.GetReservedConcurrencyAsync("free-fn", CancellationToken.None)).Should().BeNull();
        _aws.Server.RequestsFor("lambda", "GetFunctionConcurrency").Select(r => r.Request.RawPath)
            .Should().Equal("/2019-09-30/functions/orders-api/concurrency", "/2019-09-30/functions/free-fn/concurrency");
    }

    [Test]
    public async Task The_concurrency_rule_asks_Lambda_when_the_item_has_no_record()
    {
        _aws.Server.Lambda.PutFunction("orders-api", 7);
        var evaluation = await HarnessFor(new LambdaConcurrencyCheck(), Services()).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction("orders-api").Build(ItemShape.Api), Params(("concurrencyLimitHigh", "5")));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().StartWith("Reserved concurrency 7 is above the maximum of 5;");
    }

    [Test]
    public async Task A_function_Lambda_does_not_know_fails_the_evaluation()
    {
        var judge = async () => await HarnessFor(new LambdaConcurrencyCheck(), Services()).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction("ghost").Build());
        await judge.Should().ThrowAsync<AwsResourceNotFoundException>();
    }

    [Test]
    public async Task A_role_is_read_by_the_name_at_the_end_of_its_path()
    {
        _aws.Server.Iam.PutRole("fn-role", "arn:aws:iam::123456789012:policy/boundary", Basic, Admin);
        var lookup = new IamExecutionRoleLookup(IamClient.Create(_aws.Context));

        var role = await lookup.GetRoleAsync("arn:aws:iam::123456789012:role/service-role/team/fn-role", CancellationToken.None);

        role.Should().NotBeNull();
        role!.RoleName.Should().Be("fn-role");
        role.PermissionsBoundaryArn.Should().Be("arn:aws:iam::123456789012:policy/boundary");
        role.AttachedPolicyArns.Should().Equal(Basic, Admin);
        _aws.Server.RequestsFor("iam", "GetRole").Single().Request.BodyText.Should().Contain("RoleName=fn-role");
    }

    [Test]
    public async Task Attached_policies_are_read_across_pages()
    {
        _aws.Server.Iam.PageSize = 2;
        var policies = Enumerable.Range(1, 5).Select(i => $"arn:aws:iam::123456789012:policy/p{i}").Append(Admin).ToArray();
        _aws.Server.Iam.PutRole("many", null, policies);
        var lookup = new IamExecutionRoleLookup(IamClient.Create(_aws.Context));

        var role = await lookup.GetRoleAsync("arn:aws:iam::123456789012:role/many", CancellationToken.None);

        role!.AttachedPolicyArns.Should().Equal(policies);
        _aws.Server.RequestsFor("iam", "ListAttachedRolePolicies").Should().HaveCount(3);
    }

    [Test]
    public async Task A_missing_role_or_a_text_that_is_no_role_arn_is_null()
    {
        var lookup = new IamExecutionRoleLookup(IamClient.Create(_aws.Context));
        (await lookup.GetRoleAsync("arn:aws:iam::123456789012:role/deleted", CancellationToken.None)).Should().BeNull();
        (await lookup.GetRoleAsync("not-an-arn", CancellationToken.None)).Should().BeNull();
        _aws.Server.RequestsFor("iam", "GetRole").Should().HaveCount(1, "only a role ARN is worth asking IAM about");
    }

    [Test]
    public async Task The_role_rule_reports_a_forbidden_policy_and_a_missing_role_end_to_end()
    {
        _aws.Server.Iam.PutRole("admin-role", null, Basic, Admin);
        var rule = new LambdaExecutionRoleCheck();

        var admin = await HarnessFor(rule, Services()).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().With("role", "arn:aws:iam::123456789012:role/admin-role").Build());
        admin.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        admin.Annotation.Should().Be("Execution role admin-role has the forbidden policy AdministratorAccess attached; detach it and grant only what the function needs.");

        var missing = await HarnessFor(rule, Services()).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().With("role", "arn:aws:iam::123456789012:role/gone").Build());
        missing.Annotation.Should().Be("Execution role arn:aws:iam::123456789012:role/gone does not exist; create it or give the function an existing role.");
    }

    [Test]
    public async Task Roles_shared_by_many_functions_are_read_once_within_the_cache_time()
    {
        _aws.Server.Iam.PutRole("shared", null, Basic);
        var time = new ManualTime(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var lookup = new IamExecutionRoleLookup(IamClient.Create(_aws.Context), time);
        const string Arn = "arn:aws:iam::123456789012:role/shared";

        for (var i = 0; i < 5; i++) await lookup.GetRoleAsync(Arn, CancellationToken.None);
        _aws.Server.RequestsFor("iam", "GetRole").Should().HaveCount(1);

        time.Advance(IamExecutionRoleLookup.CacheDuration);
        _aws.Server.Iam.PutRole("shared", null, Basic, Admin);
        (await lookup.GetRoleAsync(Arn, CancellationToken.None))!.AttachedPolicyArns.Should().Contain(Admin, "a change is seen once the cached answer expires");
        _aws.Server.RequestsFor("iam", "GetRole").Should().HaveCount(2);
    }

    [Test]
    public async Task IAM_throttling_is_retried_and_failures_are_not_cached()
    {
        _aws.Server.Iam.PutRole("fn-role", null, Basic);
        _aws.Server.Faults.Throttle("iam", "GetRole", times: 3);
        var lookup = new IamExecutionRoleLookup(IamClient.Create(_aws.Context));

        var first = () => lookup.GetRoleAsync("arn:aws:iam::123456789012:role/fn-role", CancellationToken.None).AsTask();
        (await first.Should().ThrowAsync<AwsServiceException>("three throttles exhaust three attempts")).Which.ErrorCode.Should().Be("Throttling");
        (await lookup.GetRoleAsync("arn:aws:iam::123456789012:role/fn-role", CancellationToken.None)).Should().NotBeNull();
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
