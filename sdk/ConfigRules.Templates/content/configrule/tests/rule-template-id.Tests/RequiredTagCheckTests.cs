using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Sdk.Testing;
using NUnit.Framework;

namespace TemplateNamespace.Tests;

// A fresh harness (and in-memory Config account) for every test.
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class RequiredTagCheckTests
{
    private readonly RuleHarness _harness = new(new RequiredTagCheck());

    [Test]
    public async Task A_function_with_the_owner_tag_is_compliant()
    {
        var evaluation = await _harness.EvaluateAsync(ConfigurationItemBuilder.LambdaFunction("orders").WithTag("owner", "payments"));

        Assert.That(evaluation.ComplianceType, Is.EqualTo(ComplianceType.Compliant));
    }

    [Test]
    public async Task A_function_without_the_tag_is_non_compliant_and_the_annotation_names_the_tag()
    {
        var evaluation = await _harness.EvaluateAsync(
            ConfigurationItemBuilder.LambdaFunction("orders").WithTag("owner", "payments"),
            new Dictionary<string, string> { ["tagKey"] = "cost-center" });

        Assert.That(evaluation.ComplianceType, Is.EqualTo(ComplianceType.NonCompliant));
        Assert.That(evaluation.Annotation, Does.Contain("cost-center"));
    }

    [Test]
    public async Task Items_read_from_the_Config_API_are_judged_the_same()
    {
        var evaluation = await _harness.EvaluateAsync(ConfigurationItemBuilder.LambdaFunction("orders"), shape: ItemShape.Api);

        Assert.That(evaluation.ComplianceType, Is.EqualTo(ComplianceType.NonCompliant));
    }

    [Test]
    public async Task A_change_notification_posts_one_evaluation_for_the_item()
    {
        var function = ConfigurationItemBuilder.LambdaFunction("orders");

        var result = await _harness.InvokeAsync(ConfigRuleEvents.Change(function));

        Assert.That(result.Single.ComplianceResourceId, Is.EqualTo("orders"));
        Assert.That(result.Single.ComplianceType, Is.EqualTo(ComplianceType.NonCompliant));
    }

    [Test]
    public async Task A_periodic_run_judges_every_recorded_function()
    {
        _harness.Config.Add(ConfigurationItemBuilder.LambdaFunction("tagged").WithTag("owner", "payments").Build(ItemShape.Api));
        _harness.Config.Add(ConfigurationItemBuilder.LambdaFunction("untagged").Build(ItemShape.Api));

        var result = await _harness.InvokeAsync(ConfigRuleEvents.Scheduled());

        Assert.That(result.For("tagged").ComplianceType, Is.EqualTo(ComplianceType.Compliant));
        Assert.That(result.For("untagged").ComplianceType, Is.EqualTo(ComplianceType.NonCompliant));
    }

    [Test]
    public async Task A_misspelt_parameter_is_refused_before_anything_is_posted()
    {
        var function = ConfigurationItemBuilder.LambdaFunction("orders");

        var error = await Assert.ThrowsAsync<InvalidParameterValueException>(
            () => _harness.InvokeAsync(ConfigRuleEvents.Change(function, new Dictionary<string, string> { ["tagkey"] = "team" })));
        Assert.That(error!.Message, Does.Contain("tagkey"));
        Assert.That(_harness.Config.Posted, Is.Empty);
    }
}
