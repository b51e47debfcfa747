using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>What one invocation did: its outcome, and what the fake Config account accepted for its result token.</summary>
public sealed record RuleInvocation(
    InvocationOutcome Outcome, DateTimeOffset? Deadline, string ResultToken, IReadOnlyList<AcceptedEvaluation> Evaluations, int Posts);

/// <summary>
/// End-to-end tests of one rule through the published bootstrap: ONE process per fixture serves every test's
/// invocations one after another (as Lambda reuses a warm function), against one loopback account that the
/// fixture fills up front. Each invocation gets its own result token, so its evaluations are told apart. A rule's
/// tests state their cases: send this item (with these parameters), expect this evaluation.
/// </summary>
/// <param name="handler">The rule id, which is the function's <c>_HANDLER</c>.</param>
/// <param name="resourceType">The resource type the rule judges (and a periodic run lists).</param>
[Parallelizable(ParallelScope.Self)]
public abstract class RuleProcessTests(string handler, string resourceType)
{
    private LoopbackFunction? _function;
    private int _invocations;

    protected string ResourceType => resourceType;

    /// <summary>The rule name a periodic run reports under; its stored results are the fake account's.</summary>
    protected string PeriodicRuleName => $"{handler}-periodic";

    private protected LoopbackFunction RuleFunction => _function ?? throw new InvalidOperationException("The rule function has not started.");

    protected LoopbackAwsServer Aws => RuleFunction.Aws;

    /// <summary>Fills the fake account before the process starts: resources for oversized and periodic runs, Lambda, IAM.</summary>
    protected virtual void ArrangeAccount(LoopbackAwsServer aws)
    {
    }

    [OneTimeSetUp]
    public void StartFunction() => _function = LoopbackFunction.Start(handler, ArrangeAccount);

    [OneTimeTearDown]
    public async Task StopFunction()
    {
        if (_function is not null) await _function.DisposeAsync();
    }

    /// <summary>A change notification of <paramref name="item"/> with the rule parameters given as a JSON object of strings.</summary>
    protected Task<RuleInvocation> ChangeAsync(ConfigurationItemBuilder item, string parameters = "{}", TimeSpan? functionTimeout = null) =>
        InvokeAsync(options => ConfigRuleEvents.Change(item, Parameters(parameters), options), configRuleName: null, functionTimeout);

    /// <summary>An oversized notification: the summary of <paramref name="item"/>; the bootstrap reads the item from the account.</summary>
    protected Task<RuleInvocation> OversizedAsync(ConfigurationItemBuilder item, string parameters = "{}") =>
        InvokeAsync(options => ConfigRuleEvents.Oversized(item, Parameters(parameters), options), configRuleName: null, functionTimeout: null);

    /// <summary>A scheduled notification under <see cref="PeriodicRuleName"/>.</summary>
    protected Task<RuleInvocation> ScheduledAsync(string parameters = "{}") =>
        InvokeAsync(options => ConfigRuleEvents.Scheduled(Parameters(parameters), options), PeriodicRuleName, functionTimeout: null);

    /// <summary>
    /// Sends a change of <paramref name="item"/> and expects one evaluation of it with <paramref name="complianceType"/>
    /// and, when given, <paramref name="annotation"/>.
    /// </summary>
    protected async Task<AcceptedEvaluation> ShouldJudgeAsync(ConfigurationItemBuilder item, string parameters, string complianceType, string? annotation = null)
    {
        var evaluation = SingleEvaluation(await ChangeAsync(item, parameters), item);
        evaluation.ComplianceType.Should().Be(complianceType);
        if (annotation is not null) evaluation.Annotation.Should().Be(annotation);
        return evaluation;
    }

    /// <summary>
    /// Sends an oversized notification of <paramref name="recorded"/>, a resource of the account, and expects it read with
    /// GetResourceConfigHistory and judged <paramref name="complianceType"/> (with <paramref name="annotation"/>, when given).
    /// </summary>
    protected async Task<AcceptedEvaluation> ShouldJudgeOversizedAsync(
        ConfigurationItemBuilder recorded, string parameters, string complianceType, string? annotation = null)
    {
        var invocation = await OversizedAsync(recorded, parameters);

        var evaluation = SingleEvaluation(invocation, recorded, FunctionItems.RecordedCaptureTime);
        ShouldHaveFetchedHistory(evaluation.ResourceId);
        evaluation.ComplianceType.Should().Be(complianceType);
        if (annotation is not null) evaluation.Annotation.Should().Be(annotation);
        return evaluation;
    }

    /// <summary>
    /// A periodic run whose stored results hold <paramref name="staleResourceId"/> (judged earlier, gone from the account
    /// since): it must judge exactly <paramref name="expected"/> and clear the stale result.
    /// </summary>
    protected async Task<RuleInvocation> ShouldJudgeTheAccountAsync(string staleResourceId, IReadOnlyDictionary<string, string> expected, string parameters = "{}")
    {
        Aws.Config.SeedResult(PeriodicRuleName, ResourceType, staleResourceId, "NON_COMPLIANT", "judged before the resource was deleted");
        var invocation = await ScheduledAsync(parameters);

        invocation.Outcome.IsError.Should().BeFalse(invocation.Outcome.ToString());
        var want = expected.Append(KeyValuePair.Create(staleResourceId, "NOT_APPLICABLE")).Select(e => (ResourceType, e.Key, e.Value));
        invocation.Evaluations.Select(e => (e.ResourceType, e.ResourceId, e.ComplianceType)).Should().BeEquivalentTo(want);
        invocation.Evaluations.Should().OnlyContain(e => e.OrderingTimestamp == ConfigRuleEvents.DefaultNotificationTime,
            "a periodic run is ordered by the notification's creation time");
        invocation.Outcome.Json.GetProperty("staleCleared").GetInt32().Should().Be(1);
        Aws.Config.ResultsFor(PeriodicRuleName)[(ResourceType, staleResourceId)].ComplianceType.Should().Be("NOT_APPLICABLE");

        Aws.RequestsFor("config", "ListDiscoveredResources").Should().Contain(r => BodyString(r, "resourceType") == ResourceType);
        Aws.RequestsFor("config", "GetComplianceDetailsByConfigRule").Should().Contain(r => BodyString(r, "ConfigRuleName") == PeriodicRuleName);
        Aws.RequestsFor("config", "BatchGetResourceConfig").Should().NotBeEmpty();
        return invocation;
    }

    /// <summary>Sends a change of <paramref name="item"/> with an invalid parameter: the invocation fails naming it.</summary>
    protected async Task<RuleInvocation> ShouldRefuseAsync(ConfigurationItemBuilder item, string parameters, string named)
    {
        var invocation = await ChangeAsync(item, parameters);
        ShouldFailNaming(invocation, named);
        return invocation;
    }

    /// <summary>The one evaluation of <paramref name="item"/> an invocation posted, ordered by its capture time (the kit's, unless given).</summary>
    protected static AcceptedEvaluation SingleEvaluation(RuleInvocation invocation, ConfigurationItemBuilder item, DateTimeOffset? capturedAt = null)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(item);
        var identity = item.ToJsonObject();
        invocation.Outcome.IsError.Should().BeFalse(invocation.Outcome.ToString());
        var evaluation = invocation.Evaluations.Should().ContainSingle(invocation.Outcome.ToString()).Subject;
        evaluation.ResourceType.Should().Be(identity["resourceType"]!.GetValue<string>());
        evaluation.ResourceId.Should().Be(identity["resourceId"]!.GetValue<string>());
        evaluation.OrderingTimestamp.Should().Be(capturedAt ?? ConfigurationItemBuilder.DefaultCaptureTime, "a change is ordered by the item's capture time");
        evaluation.TestMode.Should().BeFalse();
        return evaluation;
    }

    /// <summary>An invalid parameter failed the invocation, named, and nothing was posted.</summary>
    protected static void ShouldFailNaming(RuleInvocation invocation, string parameter)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        invocation.Outcome.IsError.Should().BeTrue(invocation.Outcome.ToString());
        invocation.Outcome.ErrorType.Should().Be("InvalidParameterValueException");
        invocation.Outcome.ErrorTypeHeader.Should().Be("InvalidParameterValueException");
        invocation.Outcome.ErrorMessage.Should().Contain(parameter);
        invocation.Posts.Should().Be(0, "an invalid parameter posts nothing");
        invocation.Evaluations.Should().BeEmpty();
    }

    protected static string? BodyString(RecordedRequest request, string member)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = JsonDocument.Parse(request.BodyText);
        return body.RootElement.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>The oversized path asked GetResourceConfigHistory for the latest version of this one resource.</summary>
    private void ShouldHaveFetchedHistory(string resourceId)
    {
        var history = Aws.RequestsFor("config", "GetResourceConfigHistory")
            .Where(r => BodyString(r, "resourceId") == resourceId).Should().ContainSingle().Subject;
        history.SignatureValid.Should().BeTrue();
        using var body = JsonDocument.Parse(history.BodyText);
        body.RootElement.GetProperty("resourceType").GetString().Should().Be(ResourceType);
        body.RootElement.GetProperty("limit").GetInt32().Should().Be(1);
    }

    /// <summary>Invokes the function with an event addressed to a fresh result token (and <paramref name="configRuleName"/>).</summary>
    private async Task<RuleInvocation> InvokeAsync(Func<EventOptions, byte[]> configEvent, string? configRuleName, TimeSpan? functionTimeout)
    {
        var token = $"{handler}-token-{Interlocked.Increment(ref _invocations):D3}";
        if (configRuleName is not null) Aws.Config.RegisterResultToken(token, configRuleName);
        var options = new EventOptions { ResultToken = token, ConfigRuleName = configRuleName ?? ConfigRuleEvents.DefaultConfigRuleName };
        var pending = RuleFunction.Enqueue(configEvent(options), functionTimeout);
        var outcome = await RuleFunction.WaitAsync(pending);
        var posts = Aws.RequestsFor("config", "PutEvaluations").Count(r => r.BodyText.Contains(token, StringComparison.Ordinal));
        return new RuleInvocation(outcome, pending.Deadline, token, [.. Aws.Config.AcceptedEvaluations.Where(e => e.ResultToken == token)], posts);
    }

    /// <summary>Rule parameters as Config passes them: a JSON object of strings.</summary>
    private static Dictionary<string, string> Parameters(string json) =>
        JsonNode.Parse(json)!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
}
