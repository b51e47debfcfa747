using ConfigRules.Reliability.Tests.FaultInjection;
using ConfigRules.Testing.Lambda;

namespace ConfigRules.Reliability.Tests.Bootstrap;

/// <summary>
/// The published bootstrap as ONE long-lived Lambda execution environment, as a soak target: each delivery is
/// queued on its Runtime API and its outcome awaited.
/// </summary>
public sealed class BootstrapTarget(LoopbackFunction function) : IInvocationTarget
{
    /// <summary>The invocation's outcome, or null when none arrived (a lost invocation).</summary>
    public async Task<DeliveryOutcome?> DeliverAsync(byte[] payload, TimeSpan timeout)
    {
        var outcome = await function.TryInvokeAsync(payload, timeout).ConfigureAwait(false);
        if (outcome is null) return null;
        return outcome.IsError ? DeliveryOutcome.Error(outcome.ErrorType ?? "?", outcome.ErrorMessage) : DeliveryOutcome.Response;
    }
}
