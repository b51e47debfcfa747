using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaErrorAlarm;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaErrorAlarm;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class LambdaErrorAlarmCheckTests(ItemShape shape)
{
    private const string Topic = "arn:aws:sns:eu-west-1:123456789012:oncall";
    private readonly LambdaErrorAlarmCheck _rule = new();

    private static AlarmQuery Metric(string id, string metricName, string function, bool returnData = false, string ns = "AWS/Lambda") =>
        new(id, ns, metricName, new Dictionary<string, string> { ["FunctionName"] = function }, null, returnData);

    private static AlarmQuery Expression(string id, string expression, bool returnData = true) =>
        new(id, null, null, new Dictionary<string, string>(), expression, returnData);

    private static ErrorAlarm Direct(string name, string function, double? threshold = 1, bool enabled = true, string metric = "Errors",
        string ns = "AWS/Lambda", params string[] actions) =>
        new(name, enabled, actions.Length == 0 ? [Topic] : actions, threshold, [Metric("metric", metric, function, true, ns)]);

    private Task<Evaluation> Run(IReadOnlyList<ErrorAlarm> alarms, params (string, string)[] parameters) =>
        HarnessFor(_rule, RuleServices.Empty.Add<IErrorAlarmLookup>(new FakeAlarmLookup(alarms))).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction("orders-api").Build(shape), Params(parameters));

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData(new[] { Direct("orders-api-errors", "orders-api") }, Array.Empty<(string, string)>(),
            ComplianceType.Compliant, "Alarm orders-api-errors watches the function's errors and notifies.").SetName("A direct Errors alarm with an action complies");
        yield return new TestCaseData(Array.Empty<ErrorAlarm>(), Array.Empty<(string, string)>(), ComplianceType.NonCompliant,
            "No metric alarm watches the errors of orders-api (AWS/Lambda Errors, FunctionName=orders-api, directly or in metric math); create one with an alarm action.")
            .SetName("No alarm at all");
        yield return new TestCaseData(new[] { Direct("other", "billing-api"), Direct("throttles", "orders-api", metric: "Throttles"), Direct("custom", "orders-api", ns: "Custom/App") },
            Array.Empty<(string, string)>(), ComplianceType.NonCompliant, "No metric alarm watches*").SetName("Alarms on another function, another metric or namespace do not count");
        yield return new TestCaseData(new[] { new ErrorAlarm("silent", true, [], 1, [Metric("m", "Errors", "orders-api", true)]) }, Array.Empty<(string, string)>(),
            ComplianceType.NonCompliant, "Alarm silent watches the errors of orders-api but has no alarm action; add one (an SNS topic, say).").SetName("An alarm without actions");
        yield return new TestCaseData(new[] { Direct("disabled", "orders-api", enabled: false) }, Array.Empty<(string, string)>(),
            ComplianceType.NonCompliant, "Alarm disabled watches the errors of orders-api but has its actions disabled; enable them.").SetName("An alarm with disabled actions");
        yield return new TestCaseData(new[] { new ErrorAlarm("silent", false, [], 1, [Metric("m", "Errors", "orders-api", true)]) }, new[] { ("requireAlarmAction", "false") },
            ComplianceType.Compliant, "Alarm silent watches the function's errors.").SetName("Without requireAlarmAction a silent alarm counts");
        yield return new TestCaseData(new[] { Direct("loose", "orders-api", threshold: 10) }, new[] { ("maxThreshold", "5") }, ComplianceType.NonCompliant,
            "Alarm loose watches the errors of orders-api but its threshold 10 is above the maximum of 5; lower it.").SetName("A threshold above maxThreshold");
        yield return new TestCaseData(new[] { Direct("exact", "orders-api", threshold: 5) }, new[] { ("maxThreshold", "5") }, ComplianceType.Compliant,
            "Alarm exact watches*").SetName("A threshold equal to maxThreshold");
        yield return new TestCaseData(new[] { Direct("band", "orders-api", threshold: null) }, new[] { ("maxThreshold", "5") }, ComplianceType.NonCompliant,
            "Alarm band watches the errors of orders-api but has no static threshold to compare with maxThreshold 5*").SetName("An anomaly band has no threshold to compare");
        yield return new TestCaseData(new[] { Direct("loose", "orders-api", threshold: 10), Direct("tight", "orders-api", threshold: 1) }, new[] { ("maxThreshold", "5") },
            ComplianceType.Compliant, "Alarm tight watches*").SetName("One qualifying alarm among several is enough");
        yield return new TestCaseData(new[]
            {
                new ErrorAlarm("error-rate", true, [Topic], 0.05,
                [
                    Metric("errors", "Errors", "orders-api"), Metric("invocations", "Invocations", "orders-api"), Expression("rate", "errors / invocations"),
                ]),
            }, new[] { ("maxThreshold", "0.1") }, ComplianceType.Compliant, "Alarm error-rate watches*").SetName("A metric-math error rate counts");
        yield return new TestCaseData(new[]
            {
                new ErrorAlarm("nested", true, [Topic], 5,
                [
                    Metric("m1", "Errors", "orders-api"), Expression("e1", "FILL(m1, 0)", false), Expression("e2", "e1 * 100", true),
                ]),
            }, Array.Empty<(string, string)>(), ComplianceType.Compliant, "Alarm nested watches*").SetName("Metric math through nested expressions counts");
        yield return new TestCaseData(new[]
            {
                new ErrorAlarm("unused", true, [Topic], 5,
                [
                    Metric("errors", "Errors", "orders-api"), Metric("invocations", "Invocations", "orders-api"), Expression("calls", "invocations * 2"),
                ]),
            }, Array.Empty<(string, string)>(), ComplianceType.NonCompliant, "No metric alarm watches*").SetName("An Errors query that the returned expression does not use");
        yield return new TestCaseData(new[]
            {
                new ErrorAlarm("alias", true, [Topic], 1,
                [
                    new AlarmQuery("m", "AWS/Lambda", "Errors", new Dictionary<string, string> { ["FunctionName"] = "orders-api", ["Resource"] = "orders-api:live" }, null, true),
                ]),
            }, Array.Empty<(string, string)>(), ComplianceType.Compliant, "Alarm alias watches*").SetName("An alarm on an alias still watches the function");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Judges(ErrorAlarm[] alarms, (string, string)[] parameters, ComplianceType expected, string annotation)
    {
        var evaluation = await Run(alarms, parameters);
        evaluation.ComplianceType.Should().Be(expected);
        evaluation.Annotation.Should().Match(annotation);
    }

    [TestCase("ten")]
    [TestCase("-1")]
    [TestCase("NaN")]
    public void A_bad_maxThreshold_is_an_invalid_parameter_naming_it(string value)
    {
        var act = () => ((IConfigRule)_rule).ParseParameters(Params(("maxThreshold", value)));
        act.Should().Throw<Framework.Events.InvalidParameterValueException>().WithMessage("*maxThreshold*" + value + "*number*");
    }

    [Test]
    public async Task The_alarms_are_listed_once_per_run_however_many_functions_are_judged()
    {
        var lookup = new FakeAlarmLookup([Direct("orders-api-errors", "orders-api")]);
        var context = new RuleContext(DefaultNow, RuleServices.Empty.Add<IErrorAlarmLookup>(lookup));
        var parameters = ((IConfigRule)_rule).ParseParameters(Params());

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(n =>
            ItemEvaluator.EvaluateAsync(_rule, parameters, ConfigurationItemBuilder.LambdaFunction(n == 0 ? "orders-api" : $"fn-{n}").Build(shape), context, DefaultNow, CancellationToken.None).AsTask()));

        lookup.Calls.Should().Be(1);
        results.Count(r => r.ComplianceType == ComplianceType.Compliant).Should().Be(1);
        var next = new RuleContext(DefaultNow, context.Services);
        await ItemEvaluator.EvaluateAsync(_rule, parameters, ConfigurationItemBuilder.LambdaFunction().Build(shape), next, DefaultNow, CancellationToken.None);
        lookup.Calls.Should().Be(2, "a new run lists the alarms afresh");
    }
}

internal sealed class FakeAlarmLookup(IReadOnlyList<ErrorAlarm> alarms) : IErrorAlarmLookup
{
    private int _calls;

    public int Calls => _calls;

    public async Task<IReadOnlyList<ErrorAlarm>> ListMetricAlarmsAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Task.Yield();
        return alarms;
    }
}
