using System.Text;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>The first pass's pre-filter: only items whose own resourceType is a declared related type (AWS::IAM::Role) are parsed.</summary>
[TestFixture]
public sealed class RoleFilterTests
{
    private static readonly RelatedItems Related = new(
        [new SelectedRule(RuleCatalog.Find("lambda-execution-role-check")!, new object(), new Dictionary<string, string>())],
        OfflineSource.RecordedItems);

    [TestCase("""{"resourceType":"AWS::IAM::Role","resourceId":"r1","configuration":{}}""")]
    [TestCase("""{"ResourceType":"AWS::IAM::Role","resourceId":"r1"}""")]
    [TestCase("""{"resourceId":"r1","configuration":{"a":[1,{"b":2}]},"resourceType":"AWS::IAM::Role"}""")]
    [TestCase("""{"resource\u0054ype":"AWS::IAM::Role"}""")]
    [TestCase("""{"resourceType":"AWS::IAM::Rol\u0065"}""")]
    [TestCase("""{"resourceType":"AWS::IAM::Role",""")]
    public void Role_items_and_items_it_cannot_judge_pass(string json) =>
        Related.MayBeRelated(Encoding.UTF8.GetBytes(json)).Should().BeTrue();

    [TestCase("""{"resourceType":"AWS::Lambda::Function","relationships":[{"resourceType":"AWS::IAM::Role","resourceId":"r1"}]}""")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function","configuration":{"resourceType":"AWS::IAM::Role"}}""")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function","note":"AWS::IAM::Role"}""")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function"}""")]
    public void Items_that_only_mention_the_role_type_are_skipped(string json) =>
        Related.MayBeRelated(Encoding.UTF8.GetBytes(json)).Should().BeFalse();
}
