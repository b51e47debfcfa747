using ConfigRules.LambdaRuntime.Api;
using ConfigRules.LambdaRuntime.Errors;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.LambdaRuntime.Serving;

/// <summary>
/// The custom runtime: reads <c>AWS_LAMBDA_RUNTIME_API</c> and <c>_HANDLER</c>, constructs the handler (a
/// failure goes to <c>/init/error</c> and the exit code is 1), then serves invocations one after another for
/// the life of the process. A failing <c>/invocation/next</c> is retried with backoff.
/// </summary>
public sealed class LambdaBootstrap(
    HandlerTable handlers,
    IRuntimeEnvironment environment,
    RuntimeLogger logger,
    TimeProvider time,
    RuntimeOptions? options = null)
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";
    public const string HandlerVariable = "_HANDLER";

    private readonly RuntimeOptions _options = options ?? RuntimeOptions.Default;

    /// <summary>Serves until <paramref name="stopping"/> fires (exit code 0) or init fails or the API stays unreachable (1).</summary>
    public async Task<int> RunAsync(CancellationToken stopping)
    {
        var started = time.GetTimestamp();
        var runtimeApi = environment.GetVariable(RuntimeApiVariable);
        RuntimeApiClient client;
        try
        {
            client = RuntimeApiClient.Create(runtimeApi ?? string.Empty);
        }
        catch (ArgumentException ex)
        {
            // Without the Runtime API there is nowhere to report to: the log and the exit code are all there is.
            logger.Error("Cannot start: the Lambda Runtime API address is missing or invalid", ex, LogField.Of("variable", RuntimeApiVariable));
            return 1;
        }

        using (client)
        {
            var handlerName = environment.GetVariable(HandlerVariable)?.Trim() ?? string.Empty;
            var handlerLogger = logger.ForHandler(handlerName);
            IInvocationHandler handler;
            try
            {
                handler = handlers.Create(handlerName, new HandlerInitContext(handlerName, environment, time, handlerLogger));
            }
            catch (Exception ex)
            {
                handlerLogger.Error("Initialization failed", ex, LogField.Of("acceptedHandlers", string.Join(",", handlers.Names)));
                await ReportInitErrorAsync(client, ErrorReport.FromException(ex, _options.KnownErrorType), handlerLogger, stopping).ConfigureAwait(false);
                return 1;
            }

            handlerLogger.Info("Runtime initialized", LogField.Of("initMs", time.GetElapsedTime(started)));
            var processor = new InvocationProcessor(client, handler, handlerName, environment, handlerLogger, time, _options);
            return await ServeAsync(client, processor, handlerLogger, stopping).ConfigureAwait(false);
        }
    }

    private async Task<int> ServeAsync(RuntimeApiClient client, InvocationProcessor processor, RuntimeLogger log, CancellationToken stopping)
    {
        var failures = 0;
        var backoff = _options.InitialPollBackoff;
        while (!stopping.IsCancellationRequested)
        {
            InvocationRequest request;
            try
            {
                request = await client.GetNextInvocationAsync(stopping).ConfigureAwait(false);
                failures = 0;
                backoff = _options.InitialPollBackoff;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                if (failures >= _options.MaxConsecutivePollFailures)
                {
                    log.Error("The Runtime API keeps failing; exiting so that Lambda starts a fresh environment", ex, LogField.Of("failures", failures));
                    return 1;
                }
                var pause = WithJitter(backoff);
                log.Warn("Polling /invocation/next failed; retrying", ex, LogField.Of("failures", failures), LogField.Of("retryInMs", pause));
                try
                {
                    await Task.Delay(pause, time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxPollBackoff.Ticks));
                continue;
            }

            try
            {
                await processor.ProcessAsync(request, stopping).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // ProcessAsync reports its own failures; this is the last guard that keeps the process serving.
                log.ForRequest(request.Context.RequestId).Error("Unexpected failure while serving an invocation", ex);
            }
        }
        log.Info("Runtime stopping");
        return 0;
    }

    private async Task ReportInitErrorAsync(RuntimeApiClient client, ErrorReport report, RuntimeLogger log, CancellationToken stopping)
    {
        try
        {
            using var timeout = new ReportDeadline(_options.ReportTimeout, time, stopping);
            await client.ReportInitializationErrorAsync(report, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            log.Error("Reporting the initialization error failed", ex, LogField.Of("reportedErrorType", report.ErrorType));
        }
    }

    /// <summary>Half the backoff plus a random part of the other half, so restarting sandboxes do not poll in step.</summary>
    private static TimeSpan WithJitter(TimeSpan backoff) =>
        TimeSpan.FromTicks(backoff.Ticks / 2 + Random.Shared.NextInt64(backoff.Ticks / 2 + 1));
}
