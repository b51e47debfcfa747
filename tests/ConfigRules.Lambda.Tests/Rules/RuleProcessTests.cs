using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Lambda.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>What one invocation did: its outcome, and what the fake Config account accepted for its result token.</summary>
public sealed record RuleInvocation(
    InvocationOutcome Outcome, DateTimeOffset? Deadline, string ResultToken, IReadOnlyList<AcceptedEvaluation> Evaluations, int Posts);

/// <summary>
/// End-to-end tests of one rule through the published bootstrap: ONE process per fixture serves every test's
/// invocations one after another (as Lambda reuses a warm function), against one loopback account that the
/// fixture fills up front. Each invocation gets its own result token, so its evaluations are told apart.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public abstract class RuleProcessTests
{
    private LoopbackFunction? _function;
    private int _invocations;

    /// <summary>The rule id, which is the function's <c>_HANDLER</c>.</summary>
    protected abstract string Handler { get; }

    /// <summary>The resource type the rule judges (and a periodic run lists).</summary>
    protected abstract string ResourceType { get; }

    /// <summary>The rule name a periodic run reports under; its stored results are the fake account's.</summary>
    protected string PeriodicRuleName => $"{Handler}-periodic";

    private protected LoopbackFunction Function => _function ?? throw new InvalidOperationException("The rule function has not started.");

    protected LoopbackAwsServer Aws => Function.Aws;

    /// <summary>Fills the fake account before the process starts: resources for oversized and periodic runs, Lambda, IAM.</summary>
    protected abstract void ArrangeAccount(LoopbackAwsServer aws);

    [OneTimeSetUp]
    public void StartFunction() => _function = LoopbackFunction.Start(Handler, ArrangeAccount);

    [OneTimeTearDown]
    public async Task StopFunction()
    {
        if (_function is not null) await _function.DisposeAsync();
    }

    /// <summary>Invokes the function with <paramref name="configEvent"/> under a fresh result token.</summary>
    protected async Task<RuleInvocation> InvokeAsync(byte[] configEvent, string? configRuleName = null, TimeSpan? functionTimeout = null)
    {
        var token = $"{Handler}-token-{Interlocked.Increment(ref _invocations):D3}";
        if (configRuleName is not null) Aws.Config.RegisterResultToken(token, configRuleName);
        var pending = Function.Enqueue(ItemEdits.Addressed(configEvent, token, configRuleName), functionTimeout);
        var outcome = await Function.WaitAsync(pending);
        var posts = Aws.RequestsFor("config", "PutEvaluations").Count(r => r.BodyText.Contains(token, StringComparison.Ordinal));
        return new RuleInvocation(outcome, pending.Deadline, token, [.. Aws.Config.AcceptedEvaluations.Where(e => e.ResultToken == token)], posts);
    }

    protected Task<RuleInvocation> ChangeAsync(JsonObject item, JsonObject? parameters = null) =>
        InvokeAsync(ConfigEvents.Change(item, parameters));

    /// <summary>
    /// A periodic run under <see cref="PeriodicRuleName"/>, whose stored results hold <paramref name="staleResourceId"/>
    /// (judged earlier, gone from the account since).
    /// </summary>
    protected Task<RuleInvocation> PeriodicAsync(string staleResourceId, JsonObject? parameters = null)
    {
        Aws.Config.SeedResult(PeriodicRuleName, ResourceType, staleResourceId, "NON_COMPLIANT", "judged before the resource was deleted");
        return InvokeAsync(ConfigEvents.Scheduled(parameters), PeriodicRuleName);
    }

    /// <summary>The one evaluation a change invocation posted, checked for the item's identity and capture time.</summary>
    protected static AcceptedEvaluation SingleEvaluation(RuleInvocation invocation, string resourceType, string resourceId, DateTimeOffset capturedAt)
    {
        invocation.Outcome.IsError.Should().BeFalse(invocation.Outcome.ToString());
        var evaluation = invocation.Evaluations.Should().ContainSingle(invocation.Outcome.ToString()).Subject;
        evaluation.ResourceType.Should().Be(resourceType);
        evaluation.ResourceId.Should().Be(resourceId);
        evaluation.OrderingTimestamp.Should().Be(capturedAt, "a change is ordered by the item's capture time");
        evaluation.TestMode.Should().BeFalse();
        return evaluation;
    }

    /// <summary>A periodic run judged exactly <paramref name="expected"/> and cleared the stale result.</summary>
    protected void ShouldHaveJudgedTheAccount(RuleInvocation invocation, IReadOnlyDictionary<string, string> expected, string staleResourceId)
    {
        invocation.Outcome.IsError.Should().BeFalse(invocation.Outcome.ToString());
        var want = expected.Append(KeyValuePair.Create(staleResourceId, "NOT_APPLICABLE"))
            .Select(e => (ResourceType, e.Key, e.Value));
        invocation.Evaluations.Select(e => (e.ResourceType, e.ResourceId, e.ComplianceType)).Should().BeEquivalentTo(want);
        invocation.Evaluations.Should().OnlyContain(e => e.OrderingTimestamp == ConfigEvents.NotificationTime,
            "a periodic run is ordered by the notification's creation time");
        invocation.Outcome.Json.GetProperty("staleCleared").GetInt32().Should().Be(1);
        Aws.Config.ResultsFor(PeriodicRuleName)[(ResourceType, staleResourceId)].ComplianceType.Should().Be("NOT_APPLICABLE");

        Aws.RequestsFor("config", "ListDiscoveredResources").Should().Contain(r => BodyString(r, "resourceType") == ResourceType);
        Aws.RequestsFor("config", "GetComplianceDetailsByConfigRule").Should().Contain(r => BodyString(r, "ConfigRuleName") == PeriodicRuleName);
        Aws.RequestsFor("config", "BatchGetResourceConfig").Should().NotBeEmpty();
    }

    /// <summary>An invalid parameter failed the invocation, named, and nothing was posted.</summary>
    protected static void ShouldFailNaming(RuleInvocation invocation, string parameter)
    {
        invocation.Outcome.IsError.Should().BeTrue(invocation.Outcome.ToString());
        invocation.Outcome.ErrorType.Should().Be("InvalidParameterValueException");
        invocation.Outcome.ErrorTypeHeader.Should().Be("InvalidParameterValueException");
        invocation.Outcome.ErrorMessage.Should().Contain(parameter);
        invocation.Posts.Should().Be(0, "an invalid parameter posts nothing");
        invocation.Evaluations.Should().BeEmpty();
    }

    /// <summary>The oversized path asked GetResourceConfigHistory for the latest version of this one resource.</summary>
    protected void ShouldHaveFetchedHistory(string resourceId)
    {
        var history = Aws.RequestsFor("config", "GetResourceConfigHistory")
            .Where(r => BodyString(r, "resourceId") == resourceId).Should().ContainSingle().Subject;
        history.SignatureValid.Should().BeTrue();
        using var body = JsonDocument.Parse(history.BodyText);
        body.RootElement.GetProperty("resourceType").GetString().Should().Be(ResourceType);
        body.RootElement.GetProperty("limit").GetInt32().Should().Be(1);
    }

    protected static string? BodyString(RecordedRequest request, string member)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var body = JsonDocument.Parse(request.BodyText);
        return body.RootElement.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
