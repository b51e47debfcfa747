using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules;
using ConfigRules.Rules.LambdaConcurrency;
using ConfigRules.Rules.LambdaExecutionRole;
using ConfigRules.Sdk.Testing;
using FluentAssertions;

namespace ConfigRules.Reliability.Tests.BadInput;

/// <summary>
/// The property every bad-input test checks: an input yields evaluations within Config's limits, or one of the
/// documented errors with a message that says something. Any other exception escapes and fails the test with
/// the input that caused it (CsCheck shrinks it and prints a seed to replay it).
/// </summary>
public static class InputOutcome
{
    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Parses and serves the payload like the Lambda handler; returns the error type, or null when evaluations were posted.</summary>
    public static string? Serve(byte[] payload, IConfigRule rule, ConfigurationItem? recorded = null)
    {
        var config = Account(recorded);
        var services = Services();
        try
        {
            var evt = ConfigRuleEventParser.Parse(payload);
            new RuleInvocationPipeline(rule, config, services, Clock).HandleAsync(evt, CancellationToken.None).GetAwaiter().GetResult();
            // A change posts exactly its item's evaluation; a periodic event posts one per recorded resource (maybe none).
            if (evt.Kind is MessageKind.ConfigurationItemChange or MessageKind.OversizedConfigurationItemChange)
                config.Posted.Should().ContainSingle("a change notification gets exactly one evaluation");
            foreach (var evaluation in config.Posted) CheckEvaluation(evaluation);
            return null;
        }
        catch (ConfigRulesException ex)
        {
            CheckMessage(ex);
            config.Posted.Should().BeEmpty("nothing is posted when the event or its parameters are refused");
            return ex.ErrorType;
        }
    }

    /// <summary>
    /// Config in memory for bad-input tests: <paramref name="recorded"/> (when given) for oversized and periodic
    /// events, and one function that holds a result from before. No faults: these tests are about what the input
    /// alone can do; the account refuses what Config refuses (a rule name over 64 characters for its stored results,
    /// resource ids over 768 characters).
    /// </summary>
    public static InMemoryConfigService Account(ConfigurationItem? recorded)
    {
        var config = new InMemoryConfigService();
        if (recorded is not null) config.Add(recorded);
        config.PreviouslyEvaluated.Add(new ResourceKey("AWS::Lambda::Function", "evaluated-before"));
        return config;
    }

    /// <summary>Evaluates an item with a rule the way the CLI and Lambda share; returns null or the clear error's type.</summary>
    public static string? Evaluate(IConfigRule rule, ConfigurationItem item, object parameters)
    {
        var services = Services();
        try
        {
            var evaluation = Framework.Evaluation.ItemEvaluator.EvaluateAsync(rule, parameters, item, new RuleContext(Clock.GetUtcNow(), services),
                Clock.GetUtcNow(), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            CheckEvaluation(evaluation);
            return null;
        }
        catch (ConfigRulesException ex)
        {
            CheckMessage(ex);
            return ex.ErrorType;
        }
    }

    /// <summary>
    /// Every rule's declared offline lookups over no related items (what they cannot find is NOT_APPLICABLE, as in
    /// the CLI), with the concurrency and role lookups answering like a small account.
    /// </summary>
    private static RuleServices Services()
    {
        var lookups = new FixedLookups();
        return RuleLookups.Offline(RuleCatalog.Definitions, OfflineSource.RecordedItems).Services
            .Add<IFunctionConcurrencyLookup>(lookups).Add<IExecutionRoleLookup>(lookups);
    }

    public static void CheckMessage(Exception ex)
    {
        ex.Message.Should().NotBeNullOrWhiteSpace();
        ex.Message.Length.Should().BeGreaterThan(20, "the message says what is wrong and what is accepted: {0}", ex.Message);
    }

    private static void CheckEvaluation(Framework.Evaluation.Evaluation evaluation)
    {
        evaluation.ComplianceResourceId.Should().NotBeNullOrEmpty();
        if (evaluation.Annotation is { } annotation) annotation.Length.Should().BeInRange(1, 256);
        if (evaluation.ComplianceType == ComplianceType.NonCompliant) evaluation.Annotation.Should().NotBeNullOrWhiteSpace();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
