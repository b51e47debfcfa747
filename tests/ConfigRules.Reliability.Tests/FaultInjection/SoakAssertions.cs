using FluentAssertions;
using FluentAssertions.Execution;

namespace ConfigRules.Reliability.Tests.FaultInjection;

/// <summary>The invariant every soak checks, and checks that the soak really exercised what it claims.</summary>
public static class SoakAssertions
{
    /// <summary>Error types a failed invocation may report: the AWS error, the refused batch, or the deadline.</summary>
    public static readonly string[] ClearErrorTypes =
    [
        "ThrottlingException", "ServiceUnavailable", "InternalFailure", "ConnectionFailure", "RequestTimeout",
        "FailedEvaluations", "InvocationDeadlineException",
    ];

    public static void Hold(SoakReport report, int events)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = report.Figures("soak");
        using (new AssertionScope())
        {
            report.Events.Should().Be(events);
            report.Lost.Should().Be(0, figures);
            report.NoOutcome.Should().Be(0, figures);
            report.ConflictingDuplicates.Should().Be(0, figures);
            report.WrongResults.Should().Be(0, figures);
            report.Unexpected.Should().Be(0, figures);
            (report.Acknowledged + report.EventsEndingInError).Should().Be(events, "every event is acknowledged or its invocation reported an error");
            report.ErrorTypes.Keys.Should().BeSubsetOf(ClearErrorTypes, "failures are reported with their cause");

            // The soak must have done what it claims: faults of every kind, both outcomes, redeliveries.
            report.FaultsInjected.Values.Should().OnlyContain(count => count > 0, figures);
            ((double)report.FaultedInvocations / report.Invocations).Should().BeInRange(0.15, 0.25, "the fault rate is 20%");
            report.Retries.Should().BeGreaterThan(0);
            report.ErrorsReported.Should().BeGreaterThan(0);
            report.AcknowledgedAfterRedelivery.Should().BeGreaterThan(0);
        }
    }
}
