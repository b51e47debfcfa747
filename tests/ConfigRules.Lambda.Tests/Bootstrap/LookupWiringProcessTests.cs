using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>The published bootstrap gives the rules that need more than the item their AWS-backed lookups.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LookupWiringProcessTests
{
    [Test]
    public async Task lambda_concurrency_check_asks_Lambda_when_the_item_does_not_carry_the_reserved_concurrency()
    {
        await using var function = LoopbackFunction.Start("lambda-concurrency-check", aws => aws.Lambda.PutFunction("orders-api", 50));

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("orders-api", "python3.13")));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.RequestsFor("lambda").Should().ContainSingle().Which.SignatureValid.Should().BeTrue();
        function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Which.ComplianceType.Should().Be("COMPLIANT");
    }

    [Test]
    public async Task lambda_execution_role_check_reads_the_role_from_IAM()
    {
        await using var function = LoopbackFunction.Start("lambda-execution-role-check",
            aws => aws.Iam.PutRole("orders-api-role", null, "arn:aws:iam::aws:policy/AdministratorAccess"));

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("orders-api", "python3.13")));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.RequestsFor("iam").Select(r => r.Operation).Should().Contain(["GetRole", "ListAttachedRolePolicies"]);
        var evaluation = function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().Contain("AdministratorAccess");
    }
}
