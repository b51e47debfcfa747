using System.Text;
using System.Text.Json.Nodes;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>
/// Central rule functions (organization roll-out): with CONFIGRULES_MEMBER_ROLE_NAME set, an event of a member
/// account is reported into that account with its member role, assumed with STS; the function's own account's
/// events keep the function's credentials. The function's account is the invoked function ARN's (123456789012).
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CentralFunctionProcessTests
{
    private const string MemberAccount = "210987654321";
    private const string MemberRoleName = "configrules-member";
    private const string MemberRoleArn = "arn:aws:iam::210987654321:role/configrules-member";
    private static readonly Dictionary<string, string> Central = new() { ["CONFIGRULES_MEMBER_ROLE_NAME"] = MemberRoleName };

    [Test]
    public async Task A_member_account_event_is_reported_with_the_assumed_member_role()
    {
        await using var function = LoopbackFunction.Start("lambda-runtime-check", aws => aws.Sts.AllowRole(MemberRoleArn), Central);

        var first = await function.InvokeAsync(FromAccount(MemberAccount, ConfigRuleEvents.Change(Function("orders-api", "python3.8"))));
        var second = await function.InvokeAsync(FromAccount(MemberAccount, ConfigRuleEvents.Change(Function("billing-api", "python3.13"))));

        first.IsError.Should().BeFalse(first.ToString());
        second.IsError.Should().BeFalse(second.ToString());
        var assume = function.Aws.Sts.AssumeRoleCalls.Should().ContainSingle("the member role's credentials are kept for later events").Subject;
        assume.RoleArn.Should().Be(MemberRoleArn);
        assume.SessionName.Should().Be("configrules-lambda-runtime-check");
        assume.CallerAccessKeyId.Should().Be(LoopbackAwsServer.AccessKeyId, "the function assumes the role with its own credentials");
        var puts = function.Aws.RequestsFor("config", "PutEvaluations");
        puts.Should().HaveCount(2).And.OnlyContain(r => r.SignatureValid && r.Status == 200);
        puts.Select(r => function.Aws.Sts.RoleOf(r.AccessKeyId)).Should().OnlyContain(role => role == MemberRoleArn);
        function.Aws.Config.AcceptedEvaluations.Select(e => e.ResourceId).Should().BeEquivalentTo(["orders-api", "billing-api"]);
        var issued = function.Aws.Sts.Issued.Should().ContainSingle().Subject;
        function.Process.Output.Should().NotContain(issued.SecretAccessKey).And.NotContain(issued.SessionToken)
            .And.Contain(MemberRoleArn, "the log says which role the invocation reported with");
    }

    [Test]
    public async Task The_rule_lookups_of_a_member_account_event_use_the_member_role_too()
    {
        await using var function = LoopbackFunction.Start("lambda-concurrency-check", aws =>
        {
            aws.Sts.AllowRole(MemberRoleArn);
            aws.Lambda.PutFunction("orders-api", 50);
        }, Central);

        var outcome = await function.InvokeAsync(FromAccount(MemberAccount, ConfigRuleEvents.Change(Function("orders-api", "python3.13"))));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var lookup = function.Aws.RequestsFor("lambda", "GetFunctionConcurrency").Should().ContainSingle().Subject;
        function.Aws.Sts.RoleOf(lookup.AccessKeyId).Should().Be(MemberRoleArn);
        function.Aws.Sts.RoleOf(function.Aws.RequestsFor("config", "PutEvaluations").Single().AccessKeyId).Should().Be(MemberRoleArn);
    }

    [Test]
    public async Task An_event_of_the_functions_own_account_uses_its_own_credentials_and_assumes_nothing()
    {
        await using var function = LoopbackFunction.Start("lambda-runtime-check", aws => aws.Sts.AllowRole(MemberRoleArn), Central);

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("orders-api", "python3.8")));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.RequestsFor("sts").Should().BeEmpty();
        function.Aws.RequestsFor("config", "PutEvaluations").Should().ContainSingle().Which.AccessKeyId.Should().Be(LoopbackAwsServer.AccessKeyId);
    }

    [Test]
    public async Task A_refused_AssumeRole_fails_the_invocation_with_a_typed_error_and_posts_nothing()
    {
        await using var function = LoopbackFunction.Start("lambda-runtime-check", environment: Central);

        var refused = await function.InvokeAsync(FromAccount(MemberAccount, ConfigRuleEvents.Change(Function("orders-api", "python3.8"))));
        var next = await function.InvokeAsync(ConfigRuleEvents.Change(Function("orders-api", "python3.8")));

        refused.IsError.Should().BeTrue();
        refused.ErrorType.Should().Be("AssumeRoleFailedException");
        refused.ErrorMessage.Should().Contain(MemberRoleArn).And.Contain("AccessDenied");
        function.Aws.Config.AcceptedEvaluations.Should().ContainSingle("only the own-account event after it posts");
        next.IsError.Should().BeFalse(next.ToString());
    }

    [Test]
    public async Task Without_the_member_role_setting_a_member_account_event_is_handled_as_before()
    {
        await using var function = LoopbackFunction.Start("lambda-runtime-check", aws => aws.Sts.AllowRole(MemberRoleArn));

        var outcome = await function.InvokeAsync(FromAccount(MemberAccount, ConfigRuleEvents.Change(Function("orders-api", "python3.8"))));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.RequestsFor("sts").Should().BeEmpty();
        function.Aws.RequestsFor("config", "PutEvaluations").Should().ContainSingle().Which.AccessKeyId.Should().Be(LoopbackAwsServer.AccessKeyId);
    }

    private static byte[] FromAccount(string accountId, byte[] payload)
    {
        var envelope = JsonNode.Parse(payload)!.AsObject();
        envelope["accountId"] = accountId;
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }
}
