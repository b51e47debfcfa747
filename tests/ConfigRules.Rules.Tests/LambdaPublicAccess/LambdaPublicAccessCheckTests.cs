using System.Text.Json.Nodes;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaPublicAccess;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaPublicAccess;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class LambdaPublicAccessCheckTests(ItemShape shape)
{
    private const string Own = "123456789012";
    private const string Partner = "210987654321";
    private const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:orders-api";
    private readonly LambdaPublicAccessCheck _rule = new();

    private static string Policy(params string[] statements) =>
        $$"""{"Version":"2012-10-17","Id":"default","Statement":[{{string.Join(",", statements)}}]}""";

    private static string Statement(string principal, string? condition = null, string action = "\"lambda:InvokeFunction\"", string sid = "s1", string effect = "Allow") =>
        $$"""{"Sid":"{{sid}}","Effect":"{{effect}}","Principal":{{principal}},"Action":{{action}},"Resource":"{{FunctionArn}}"{{(condition is null ? "" : $",\"Condition\":{condition}")}}}""";

    /// <summary>Config records the policy as the document's JSON text.</summary>
    private async Task<Framework.Evaluation.Evaluation> Run(string? policy, params (string, string)[] parameters)
    {
        var function = ConfigurationItemBuilder.LambdaFunction();
        if (policy is not null) function.WithSupplementary("Policy", JsonValue.Create(policy));
        return await HarnessFor(_rule).EvaluateAsync(function.Build(shape), Params(parameters));
    }

    public static IEnumerable<TestCaseData> Principals()
    {
        // Everyone, in every form IAM accepts.
        yield return Case("\"*\"", null, ComplianceType.NonCompliant, "star string");
        yield return Case("{\"AWS\":\"*\"}", null, ComplianceType.NonCompliant, "AWS star");
        yield return Case("{\"AWS\":[\"arn:aws:iam::123456789012:root\",\"*\"]}", null, ComplianceType.NonCompliant, "star in a list");
        // Accounts, as ids, root ARNs, role ARNs and assumed-role ARNs.
        yield return Case($"{{\"AWS\":\"{Own}\"}}", null, ComplianceType.Compliant, "own account id");
        yield return Case($"{{\"AWS\":\"arn:aws:iam::{Own}:root\"}}", null, ComplianceType.Compliant, "own root");
        yield return Case($"{{\"AWS\":\"{Partner}\"}}", null, ComplianceType.NonCompliant, "other account id");
        yield return Case($"{{\"AWS\":\"arn:aws:iam::{Partner}:root\"}}", null, ComplianceType.NonCompliant, "other root");
        yield return Case($"{{\"AWS\":\"arn:aws:iam::{Partner}:role/caller\"}}", null, ComplianceType.NonCompliant, "other role");
        yield return Case($"{{\"AWS\":[\"arn:aws:sts::{Partner}:assumed-role/caller/s\"]}}", null, ComplianceType.NonCompliant, "other assumed role");
        // A template's own account, as CloudFormation's pseudo parameter (check-template, the hook).
        yield return Case("{\"AWS\":\"${AWS::AccountId}\"}", null, ComplianceType.Compliant, "template own account");
        yield return Case("{\"AWS\":\"arn:aws:iam::${AWS::AccountId}:root\"}", null, ComplianceType.Compliant, "template own root");
        // Service principals are not accounts.
        yield return Case("{\"Service\":\"s3.amazonaws.com\"}", null, ComplianceType.Compliant, "service");
        // Conditions that scope a grant, with any operator spelling and key case.
        yield return Case("\"*\"", $"{{\"StringEquals\":{{\"AWS:SourceAccount\":\"{Own}\"}}}}", ComplianceType.Compliant, "source account");
        yield return Case("{\"Service\":\"s3.amazonaws.com\"}", "{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::orders-bucket\"}}", ComplianceType.Compliant, "source arn");
        yield return Case("\"*\"", "{\"StringEquals\":{\"aws:PrincipalOrgID\":[\"o-abc123\"]}}", ComplianceType.Compliant, "org id");
        yield return Case("\"*\"", $"{{\"StringEquals\":{{\"aws:PrincipalAccount\":\"{Partner}\"}}}}", ComplianceType.Compliant, "principal account");
        yield return Case("\"*\"", $"{{\"StringEquals\":{{\"aws:SourceOwner\":\"{Own}\"}}}}", ComplianceType.Compliant, "source owner");
        yield return Case($"{{\"AWS\":\"{Partner}\"}}", "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:events:eu-west-1:210987654321:rule/x\"}}", ComplianceType.Compliant, "other account scoped");
        // Conditions that scope nothing.
        yield return Case("\"*\"", "{\"StringLike\":{\"aws:SourceAccount\":\"*\"}}", ComplianceType.NonCompliant, "wildcard condition");
        yield return Case("\"*\"", $"{{\"StringNotEquals\":{{\"aws:SourceAccount\":\"{Partner}\"}}}}", ComplianceType.NonCompliant, "negated condition");
        yield return Case("\"*\"", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", ComplianceType.NonCompliant, "unrelated condition");
        yield return Case("\"*\"", "{\"Null\":{\"aws:SourceArn\":\"false\"}}", ComplianceType.NonCompliant, "null operator");
    }

    private static TestCaseData Case(string principal, string? condition, ComplianceType expected, string name) =>
        new TestCaseData(principal, condition, expected).SetArgDisplayNames(name);

    [Test]
    public async Task Without_the_recorded_policy_the_rule_asks_lambda_by_the_functions_arn()
    {
        var lookup = new FakePolicyLookup(Policy(Statement("\"*\"", sid: "open")));
        var function = ConfigurationItemBuilder.LambdaFunction().With("functionArn", FunctionArn).Build(shape);

        var evaluation = await HarnessFor(_rule, RuleServices.Empty.Add<IFunctionPolicyLookup>(lookup)).EvaluateAsync(function);

        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Contain("(statement open)");
        lookup.Asked.Should().Equal(FunctionArn);
    }

    [Test]
    public async Task A_function_lambda_knows_no_policy_of_is_compliant_and_a_recorded_policy_asks_nothing()
    {
        var none = new FakePolicyLookup(null);
        (await HarnessFor(_rule, RuleServices.Empty.Add<IFunctionPolicyLookup>(none)).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Build(shape)))
            .Annotation.Should().Contain("has no resource policy");

        var recorded = ConfigurationItemBuilder.LambdaFunction().WithSupplementary("Policy", JsonValue.Create(Policy(Statement("\"*\""))));
        var unused = new FakePolicyLookup(null);
        (await HarnessFor(_rule, RuleServices.Empty.Add<IFunctionPolicyLookup>(unused)).EvaluateAsync(recorded.Build(shape))).ComplianceType.Should().Be(ComplianceType.NonCompliant);
        unused.Asked.Should().BeEmpty();
    }

    private sealed class FakePolicyLookup(string? policy) : IFunctionPolicyLookup
    {
        public List<string> Asked { get; } = [];

        public ValueTask<string?> GetPolicyAsync(string functionName, CancellationToken cancellationToken)
        {
            Asked.Add(functionName);
            return ValueTask.FromResult(policy);
        }
    }

    [TestCaseSource(nameof(Principals))]
    public async Task Every_principal_and_condition_form(string principal, string? condition, ComplianceType expected) =>
        (await Run(Policy(Statement(principal, condition)))).ComplianceType.Should().Be(expected);

    [Test]
    public async Task An_allowed_account_may_be_granted_without_a_condition()
    {
        var policy = Policy(Statement($"{{\"AWS\":\"arn:aws:iam::{Partner}:root\"}}", sid: "partner"));
        (await Run(policy, ("allowedPrincipalAccounts", $"111111111111, {Partner}"))).ComplianceType.Should().Be(ComplianceType.Compliant);
        (await Run(policy)).Annotation.Should().Be(
            "Function orders-api's resource policy lets account 210987654321 call lambda:InvokeFunction (statement partner) with no aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition; remove the grant or add a condition.");
    }

    [Test]
    public async Task The_annotation_names_the_statement_and_counts_the_others()
    {
        var evaluation = await Run(Policy(Statement("\"*\"", sid: "open"), Statement($"{{\"AWS\":\"{Partner}\"}}", sid: "partner", action: "[\"lambda:GetFunction\",\"lambda:InvokeFunction\"]")));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be(
            "Function orders-api's resource policy lets everyone (Principal *) call lambda:InvokeFunction (statement open) with no aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition (1 more statement too); remove the grant or add a condition.");
    }

    [Test]
    public async Task Deny_statements_and_NotPrincipal_allows_are_read_for_what_they_do()
    {
        (await Run(Policy(Statement("\"*\"", effect: "Deny")))).ComplianceType.Should().Be(ComplianceType.Compliant);
        var notPrincipal = Policy($$"""{"Sid":"np","Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::{{Own}}:root"},"Action":"lambda:InvokeFunction","Resource":"*"}""");
        (await Run(notPrincipal)).Annotation.Should().Contain("lets everyone but the NotPrincipal call");
        var notAction = Policy($$"""{"Sid":"na","Effect":"Allow","Principal":"*","NotAction":"lambda:DeleteFunction","Resource":"*"}""");
        (await Run(notAction)).Annotation.Should().Contain("call every action but its NotAction");
    }

    [Test]
    public async Task A_single_statement_object_is_read_like_a_list()
    {
        var policy = $$"""{"Version":"2012-10-17","Statement":{{Statement("\"*\"")}}}""";
        (await Run(policy)).ComplianceType.Should().Be(ComplianceType.NonCompliant);
    }

    private static readonly string UrlNone = Statement("\"*\"", "{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}}", "\"lambda:InvokeFunctionUrl\"", "FunctionURLAllowPublicAccess");
    private static readonly string ViaUrl = Statement("\"*\"", "{\"Bool\":{\"lambda:InvokedViaFunctionUrl\":\"true\"}}", "\"lambda:InvokeFunction\"", "FunctionURLAllowInvokeAction");

    [Test]
    public async Task A_public_function_URL_counts_unless_allowed()
    {
        var evaluation = await Run(Policy(UrlNone));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be(
            "Function orders-api has a public function URL (AuthType NONE, statement FunctionURLAllowPublicAccess); set the URL's AuthType to AWS_IAM or set allowFunctionUrlAuthNone to true if it must be public.");
        (await Run(Policy(UrlNone, ViaUrl), ("allowFunctionUrlAuthNone", "true"))).ComplianceType.Should().Be(ComplianceType.Compliant);
        (await Run(Policy(ViaUrl))).ComplianceType.Should().Be(ComplianceType.NonCompliant);
    }

    [Test]
    public async Task Allowing_public_URLs_does_not_excuse_a_statement_that_grants_more()
    {
        var broad = Statement("\"*\"", "{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}}", "[\"lambda:InvokeFunctionUrl\",\"lambda:GetFunction\"]", "broad");
        (await Run(Policy(broad), ("allowFunctionUrlAuthNone", "true"))).ComplianceType.Should().Be(ComplianceType.NonCompliant);
        var iamUrl = Statement($"{{\"AWS\":\"{Partner}\"}}", "{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"AWS_IAM\"}}", "\"lambda:InvokeFunctionUrl\"", "iam-url");
        (await Run(Policy(iamUrl), ("allowFunctionUrlAuthNone", "true"))).ComplianceType.Should().Be(ComplianceType.NonCompliant);
    }

    [Test]
    public async Task A_function_without_a_policy_complies_and_a_scoped_policy_says_how_many_statements()
    {
        var none = await Run(null);
        none.ComplianceType.Should().Be(ComplianceType.Compliant);
        none.Annotation.Should().Be("Function orders-api has no resource policy, so no other account can invoke it.");
        var scoped = await Run(Policy(
            Statement("{\"Service\":\"apigateway.amazonaws.com\"}", "{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:execute-api:eu-west-1:123456789012:a1/*\"}}"),
            Statement($"{{\"AWS\":\"{Own}\"}}", sid: "s2")));
        scoped.Annotation.Should().Be("Function orders-api's resource policy (2 statements) grants nothing to the public or to unapproved accounts without a source condition.");
    }

    [Test]
    public async Task A_policy_recorded_as_an_object_is_read_too()
    {
        var function = ConfigurationItemBuilder.LambdaFunction().WithSupplementary("Policy", JsonNode.Parse(Policy(Statement("\"*\"")))!);
        (await HarnessFor(_rule).EvaluateAsync(function.Build(shape))).ComplianceType.Should().Be(ComplianceType.NonCompliant);
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("{\"Statement\":[\"text\"]}")]
    public async Task A_policy_that_is_not_a_document_is_not_applicable_with_a_note(string policy)
    {
        var evaluation = await Run(policy);
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().StartWith("The function's resource policy cannot be read: supplementaryConfiguration.Policy");
    }

    [TestCase("12345678901")]
    [TestCase("arn:aws:iam::210987654321:root")]
    public void Allowed_accounts_must_be_account_ids(string value) =>
        FluentActions.Invoking(() => _rule.ParseParameters(Params(("allowedPrincipalAccounts", value))))
            .Should().Throw<InvalidParameterValueException>().WithMessage("*allowedPrincipalAccounts*12-digit account ids*");

    [Test]
    public void The_rule_cannot_be_exempted() => _rule.Definition.Exemptible.Should().BeFalse();
}
