using ConfigRules.Rules.LambdaExecutionRole;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Rules.Tests.LambdaExecutionRole;

public class ArnWildcardTests
{
    private const string Role = "arn:aws:iam::123456789012:role/service/app-orders";

    [TestCase("arn:aws:iam::123456789012:role/service/app-orders", true, TestName = "exact")]
    [TestCase("arn:aws:iam::*:role/service/app-*", true, TestName = "account and suffix wildcards")]
    [TestCase("*", true, TestName = "star alone")]
    [TestCase("arn:aws:iam::*:role/*", true, TestName = "star crosses path separators")]
    [TestCase("arn:aws:iam::123456789012:role/app-*", false, TestName = "path is part of the ARN")]
    [TestCase("arn:aws:iam::123456789012:role/service/app", false, TestName = "matched in full, not as a prefix")]
    [TestCase("*orders", true, TestName = "leading star")]
    [TestCase("*order", false, TestName = "leading star still anchors the end")]
    [TestCase("arn:aws:iam::*:role/service/app-orders*", true, TestName = "trailing star matches nothing")]
    [TestCase("arn:aws:iam::*:role/service/**-orders", true, TestName = "double star")]
    [TestCase("arn:aws:iam::123456789012:role/service/app.orders", false, TestName = "dot is literal, not a regex wildcard")]
    [TestCase("arn:aws:iam::123456789012:role/service/app-order?", false, TestName = "question mark is literal")]
    [TestCase("ARN:aws:iam::*:role/service/app-orders", false, TestName = "case-sensitive")]
    [TestCase("arn:aws:iam::(.*):role/service/app-orders", false, TestName = "regex syntax is plain text")]
    public void Stars_match_any_run_and_everything_else_is_literal(string pattern, bool expected)
    {
        ArnWildcard.IsMatch(pattern, Role).Should().Be(expected);
    }

    [Test]
    public void A_hostile_pattern_cannot_stall_the_match()
    {
        // Many stars against a long near-miss: a naive recursive matcher is exponential here; this scan is not.
        var pattern = string.Concat(Enumerable.Repeat("*a", 200)) + "b";
        var value = new string('a', 2000);
        ArnWildcard.IsMatch(pattern, value).Should().BeFalse();
        ArnWildcard.IsMatch(pattern[..^1], value).Should().BeTrue();
    }
}

public class RoleArnTests
{
    [TestCase("arn:aws:iam::123456789012:role/app-role", "app-role")]
    [TestCase("arn:aws:iam::123456789012:role/service-role/team/app-role", "app-role")]
    [TestCase("arn:aws-cn:iam::123456789012:role/app", "app")]
    [TestCase("arn:aws-us-gov:iam::123456789012:role/a/b", "b")]
    public void The_role_name_is_the_last_path_segment(string arn, string name)
    {
        RoleArn.TryGetRoleName(arn, out var found).Should().BeTrue();
        found.Should().Be(name);
    }

    [TestCase("")]
    [TestCase("app-role")]
    [TestCase("arn:aws:iam::123456789012:user/app")]
    [TestCase("arn:aws:iam::123456789012:role/")]
    [TestCase("arn:aws:sts::123456789012:assumed-role/app/session")]
    public void Other_text_is_not_a_role_arn(string text)
    {
        RoleArn.TryGetRoleName(text, out _).Should().BeFalse();
    }
}
