using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.ApiGatewayStageWaf;
using ConfigRules.Rules.CloudTrailServerlessAudit;
using ConfigRules.Rules.LambdaErrorAlarm;
using ConfigRules.Rules.LambdaExecutionRole;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Rules.Tests.Lookups;

/// <summary>
/// The offline indexes answer "not in the input" as a value the rule turns into its verdict (no exception on the
/// path every function takes); their plain methods still throw the same note for callers without a verdict.
/// </summary>
public sealed class OfflineIndexNotInInputTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/fn-role";
    private static readonly WebAclArn AclArn = new("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/edge/1", "eu-west-1", "REGIONAL", "edge", "1");

    [Test]
    public async Task The_role_index_says_a_missing_role_is_not_in_the_input_and_the_plain_method_throws_the_same_note()
    {
        var index = new RoleIndex(OfflineSource.RecordedItems);

        var found = await ((IExecutionRoleLookup)index).FindRoleAsync(RoleArn, CancellationToken.None);

        found.NotInInputNote.Should().Be($"The execution role {RoleArn} is not among the input's AWS::IAM::Role items; add its configuration item to check it.");
        var act = () => index.GetRoleAsync(RoleArn, CancellationToken.None).AsTask();
        (await act.Should().ThrowAsync<NotInInputException>()).Which.Message.Should().Be(found.NotInInputNote);
    }

    [Test]
    public async Task The_web_acl_index_says_a_missing_web_acl_is_not_in_the_input_in_the_words_of_its_source()
    {
        var recorded = await ((IWebAclLookup)new WebAclIndex(OfflineSource.RecordedItems)).FindWebAclAsync(AclArn, CancellationToken.None);
        var template = await ((IWebAclLookup)new WebAclIndex(OfflineSource.Template)).FindWebAclAsync(AclArn, CancellationToken.None);

        recorded.NotInInputNote.Should().Be("The web ACL edge is not among the input's AWS::WAFv2::WebACL items; add its configuration item to check it.");
        template.NotInInputNote.Should().StartWith("The web ACL edge is not defined by the template");
        var act = () => new WebAclIndex(OfflineSource.RecordedItems).GetWebAclAsync(AclArn, CancellationToken.None).AsTask();
        (await act.Should().ThrowAsync<NotInInputException>()).Which.Message.Should().Be(recorded.NotInInputNote);
    }

    [Test]
    public async Task The_alarm_and_trail_indexes_without_items_say_so_as_values()
    {
        var alarms = await ((IErrorAlarmLookup)new AlarmIndex(OfflineSource.RecordedItems)).FindMetricAlarmsAsync(CancellationToken.None);
        var trails = await ((ITrailLookup)new TrailIndex(OfflineSource.RecordedItems)).FindTrailsAsync("123456789012", CancellationToken.None);

        alarms.NotInInputNote.Should().Contain("The input holds no AWS::CloudWatch::Alarm items");
        trails.NotInInputNote.Should().Be("The input holds no AWS::CloudTrail::Trail items of account 123456789012; add the account's trails to check it.");
    }

    [Test]
    public async Task A_live_lookup_answers_through_the_default_find_method()
    {
        var live = (IExecutionRoleLookup)new FixedRoleLookup(null);

        var found = await live.FindRoleAsync(RoleArn, CancellationToken.None);

        found.IsNotInInput.Should().BeFalse();
        found.Value.Should().BeNull("a live lookup's null means the role does not exist");
    }

    [Test]
    public async Task With_no_alarm_in_the_input_every_function_of_a_run_is_not_applicable_from_one_answer()
    {
        var lookup = new CountingAlarmIndex(new AlarmIndex(OfflineSource.RecordedItems));
        IConfigRule rule = new LambdaErrorAlarmCheck();
        var parameters = rule.ParseParameters(new Dictionary<string, string>());
        var context = new RuleContext(CatalogHarness.DefaultNow, RuleServices.Empty.Add<IErrorAlarmLookup>(lookup));

        var verdicts = new List<Verdict>();
        foreach (var name in new[] { "orders-api", "billing-api", "search-api" })
            verdicts.Add(await rule.EvaluateAsync(ConfigurationItemBuilder.LambdaFunction(name).Build(), parameters, context, CancellationToken.None));

        verdicts.Should().OnlyContain(v => v.Compliance == ComplianceType.NotApplicable && v.Annotation!.Contains("no AWS::CloudWatch::Alarm items"));
        lookup.Calls.Should().Be(1, "the run keeps the answer \"not in the input\" as it keeps any other");
    }

    private sealed class FixedRoleLookup(ExecutionRoleDetails? role) : IExecutionRoleLookup
    {
        public ValueTask<ExecutionRoleDetails?> GetRoleAsync(string roleArn, CancellationToken cancellationToken) => ValueTask.FromResult(role);
    }

    private sealed class CountingAlarmIndex(AlarmIndex inner) : IErrorAlarmLookup
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<ErrorAlarm>> ListMetricAlarmsAsync(CancellationToken cancellationToken) => inner.ListMetricAlarmsAsync(cancellationToken);

        public Task<LookupResult<IReadOnlyList<ErrorAlarm>>> FindMetricAlarmsAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return inner.FindMetricAlarmsAsync(cancellationToken);
        }
    }
}
