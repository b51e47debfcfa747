using System.Text;
using System.Text.Json.Nodes;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Reliability.Tests.Fixtures;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Reliability.Tests.BadInput;

/// <summary>The limits on what is read, each with the error that names it; and the retry settings' own limits.</summary>
public class InputLimitTests
{
    [Test]
    public void An_event_above_lambdas_payload_limit_is_refused_before_parsing_and_one_just_below_is_read()
    {
        var valid = RuleEvents.Change("token", "lambda-timeout-check", RuleEvents.FunctionItem("fn", RuleEvents.FunctionConfiguration("fn", 30)));
        var padded = new byte[ConfigRuleEventParser.MaxEventBytes];
        Array.Fill(padded, (byte)' ');
        valid.CopyTo(padded, 0);
        ConfigRuleEventParser.Parse(padded).ConfigurationItem!.ResourceId.Should().Be("fn");

        var tooLarge = new byte[ConfigRuleEventParser.MaxEventBytes + 1];
        valid.CopyTo(tooLarge, 0);
        var act = () => ConfigRuleEventParser.Parse(tooLarge);
        act.Should().Throw<InvalidEventException>().WithMessage($"*{ConfigRuleEventParser.MaxEventBytes + 1} bytes*at most {ConfigRuleEventParser.MaxEventBytes}*6 MB*");
    }

    [TestCase("resourceId", 768)]
    [TestCase("resourceType", 256)]
    public void Identifiers_longer_than_config_accepts_are_refused_when_the_item_is_read(string field, int limit)
    {
        var item = RuleEvents.FunctionItem("fn", RuleEvents.FunctionConfiguration("fn", 30));
        item[field] = new string('x', limit);
        ConfigurationItemMapper.Parse(item.ToJsonString()).Should().NotBeNull();
        item[field] = new string('x', limit + 1);
        var act = () => ConfigurationItemMapper.Parse(item.ToJsonString());
        act.Should().Throw<InvalidConfigurationItemException>().WithMessage($"*{field} is {limit + 1} characters*at most {limit}*");
    }

    [Test]
    public void A_rule_name_longer_than_config_allows_is_an_invalid_event()
    {
        var payload = RuleEvents.Change("token", new string('r', 129), RuleEvents.FunctionItem("fn", RuleEvents.FunctionConfiguration("fn", 30)));
        var act = () => ConfigRuleEventParser.Parse(payload);
        act.Should().Throw<InvalidEventException>().WithMessage("*configRuleName is 129 characters*1 to 128*");
    }

    [Test]
    public async Task A_periodic_evaluation_of_a_rule_named_beyond_64_characters_posts_without_the_stale_query_config_refuses()
    {
        var item = ConfigurationItemMapper.Parse(RuleEvents.FunctionItem("fn", RuleEvents.FunctionConfiguration("fn", 30)).ToJsonString());
        var config = InputOutcome.Account(item); // refuses names over 64 characters like Config does
        var name = "lambda-timeout-check-" + new string('x', 80);
        var evt = ConfigRuleEventParser.Parse(RuleEvents.Bytes(RuleEvents.Envelope(RuleEvents.ScheduledInvoking(RuleEvents.CaptureTime), "token", name)));

        var report = await new RuleInvocationPipeline(RuleCatalog.Find("lambda-timeout-check")!, config, RuleServices.Empty, InputOutcome.Clock).HandleAsync(evt, CancellationToken.None);

        report.Evaluations.Should().Be(1);
        config.Posted.Should().ContainSingle().Which.ComplianceResourceId.Should().Be("fn");
    }

    [Test]
    public void Retry_settings_default_to_production_values_and_take_overrides_from_the_environment()
    {
        RetrySettingsFromEnvironment.Read(new DictionaryEnvironmentVariables(new Dictionary<string, string>())).Should().Be(RetryOptions.Default);
        var tuned = RetrySettingsFromEnvironment.Read(new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            ["AWS_MAX_ATTEMPTS"] = "3",
            ["CONFIGRULES_AWS_RETRY_BASE_DELAY_MS"] = "5",
            ["CONFIGRULES_AWS_RETRY_MAX_DELAY_MS"] = "50",
            ["CONFIGRULES_AWS_CALL_TIMEOUT_MS"] = "250",
        }));
        tuned.Should().Be(new RetryOptions
        {
            MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), PerCallTimeout = TimeSpan.FromMilliseconds(250),
        });
    }

    [TestCase("AWS_MAX_ATTEMPTS", "0")]
    [TestCase("AWS_MAX_ATTEMPTS", "many")]
    [TestCase("CONFIGRULES_AWS_CALL_TIMEOUT_MS", "-1")]
    [TestCase("CONFIGRULES_AWS_RETRY_BASE_DELAY_MS", "1.5")]
    public void Retry_settings_out_of_range_are_refused_naming_the_variable(string name, string value)
    {
        var act = () => RetrySettingsFromEnvironment.Read(new DictionaryEnvironmentVariables(new Dictionary<string, string> { [name] = value }));
        act.Should().Throw<InvalidAwsSettingException>().WithMessage($"*{name}*'{value}'*whole number from*");
    }

    [Test]
    public void Json_nesting_inside_the_item_beyond_the_readers_depth_is_an_invalid_event()
    {
        var invoking = RuleEvents.ChangeInvoking(RuleEvents.FunctionItem("fn", null));
        var text = invoking.ToJsonString().Replace("\"configuration\":null", "\"configuration\":" + JsonChaos.DeepNesting(200), StringComparison.Ordinal);
        var envelope = RuleEvents.Envelope(new JsonObject(), "token", "lambda-timeout-check");
        envelope["invokingEvent"] = text;
        var act = () => ConfigRuleEventParser.Parse(Encoding.UTF8.GetBytes(envelope.ToJsonString()));
        act.Should().Throw<InvalidEventException>().WithMessage("*invokingEvent*");
    }
}
