using ConfigRules.Reliability.Tests.FaultInjection;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;

namespace ConfigRules.Reliability.Tests.Bootstrap;

/// <summary>
/// The published Native AOT bootstrap as ONE long-lived Lambda execution environment: its loopback Runtime API
/// and the loopback AWS account it calls. Serves as a soak target: each delivery is queued on the Runtime API and
/// its outcome awaited.
/// </summary>
public sealed class BootstrapFunction : IInvocationTarget, IAsyncDisposable
{
    public static readonly TimeSpan OutcomeWait = TimeSpan.FromSeconds(30);

    private BootstrapFunction(LoopbackAwsServer aws, LoopbackRuntimeApi runtimeApi, BootstrapProcess process)
    {
        Aws = aws;
        RuntimeApi = runtimeApi;
        Process = process;
    }

    public LoopbackAwsServer Aws { get; }
    public LoopbackRuntimeApi RuntimeApi { get; }
    public BootstrapProcess Process { get; }

    /// <summary>Starts the bootstrap for <paramref name="handler"/>; <paramref name="environment"/> adds to or overrides the AWS endpoint's variables.</summary>
    public static BootstrapFunction Start(string handler, LoopbackAwsServer aws, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(aws);
        var runtimeApi = LoopbackRuntimeApi.Start();
        var variables = new Dictionary<string, string>(aws.EnvironmentVariables, StringComparer.Ordinal);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) variables[name] = value;
        var process = BootstrapProcess.Start(handler, runtimeApi, variables, remove: aws.UsesSessionToken ? [] : ["AWS_SESSION_TOKEN"]);
        return new BootstrapFunction(aws, runtimeApi, process);
    }

    /// <summary>The invocation's outcome, or null when none arrived in <see cref="OutcomeWait"/> (a lost invocation).</summary>
    public async Task<DeliveryOutcome?> DeliverAsync(byte[] payload, TimeSpan timeout)
    {
        var outcome = await InvokeAsync(payload, timeout).ConfigureAwait(false);
        if (outcome is null) return null;
        return outcome.IsError ? DeliveryOutcome.Error(outcome.ErrorType ?? "?", outcome.ErrorMessage) : DeliveryOutcome.Response;
    }

    public async Task<InvocationOutcome?> InvokeAsync(byte[] payload, TimeSpan timeout, string? requestId = null)
    {
        var invocation = RuntimeApi.Enqueue(payload, timeout, requestId);
        try
        {
            return await invocation.WaitAsync(OutcomeWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync().ConfigureAwait(false);
        await RuntimeApi.DisposeAsync().ConfigureAwait(false);
    }
}
