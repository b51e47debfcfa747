using ConfigRules.Framework.Rules;
using ConfigRules.Handlers.CloudFormationHook;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>A resource operation's live lookups run in the account the request comes from (organization roll-out).</summary>
[TestFixture]
public sealed class HookLookupsTests
{
    private const string FunctionArn = "arn:aws-us-gov:lambda:us-gov-west-1:111111111111:function:configrules-cloudformation-hook";
    private readonly RuleServices _own = new();
    private readonly RuleServices _none = new();

    [TestCase("111111111111")]
    [TestCase(null)]
    public void The_functions_own_account_and_an_unnamed_one_use_its_own_lookups(string? account)
    {
        new HookLookups(_own, (_, _) => throw new AssertionException("no member role for the own account"), _none)
            .For(account, FunctionArn).Should().BeSameAs(_own);
    }

    [Test]
    public void Without_the_invoked_function_arn_the_request_is_taken_as_the_own_accounts()
    {
        new HookLookups(_own, null, _none).For("222222222222", null).Should().BeSameAs(_own);
    }

    [Test]
    public void A_member_account_is_read_through_its_member_role_built_once_per_account()
    {
        var built = new List<(string Partition, string Account)>();
        var lookups = new HookLookups(_own, (partition, account) =>
        {
            built.Add((partition, account));
            return new RuleServices();
        }, _none);

        var first = lookups.For("222222222222", FunctionArn);
        var again = lookups.For("222222222222", FunctionArn);
        var other = lookups.For("333333333333", FunctionArn);

        first.Should().BeSameAs(again).And.NotBeSameAs(_own).And.NotBeSameAs(other);
        built.Should().Equal(("aws-us-gov", "222222222222"), ("aws-us-gov", "333333333333"));
    }

    [Test]
    public void Without_a_member_role_a_member_request_gets_no_lookups_rather_than_the_central_accounts()
    {
        new HookLookups(_own, null, _none).For("222222222222", FunctionArn).Should().BeSameAs(_none);
    }

    [Test]
    public void An_account_id_that_is_not_twelve_digits_is_refused_by_name()
    {
        var act = () => new HookLookups(_own, null, _none).For("22222222222x", FunctionArn);

        act.Should().Throw<HookInputException>().WithMessage("*awsAccountId '22222222222x'*12-digit*");
    }
}
