using System.Diagnostics;
using ConfigRules.LambdaRuntime.Api;
using ConfigRules.LambdaRuntime.Errors;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.LambdaRuntime.Serving;

/// <summary>
/// Serves one invocation: runs the handler under its deadline budget and ends the invocation with exactly one
/// response or one error report. It never throws: a failure to report is logged and the loop goes on.
/// </summary>
internal sealed class InvocationProcessor(
    RuntimeApiClient client,
    IInvocationHandler handler,
    string handlerName,
    IRuntimeEnvironment environment,
    RuntimeLogger logger,
    TimeProvider time,
    RuntimeOptions options)
{
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    public async Task ProcessAsync(InvocationRequest request, CancellationToken stopping)
    {
        var log = logger.ForRequest(request.Context.RequestId);
        var context = request.Context with { Handler = handlerName, Logger = log };
        environment.SetVariable(TraceIdVariable, context.TraceId);
        var started = time.GetTimestamp();
        using var budget = DeadlineBudget.Start(context.Deadline, options.DeadlineSafetyMargin, time, stopping);
        log.Info("Invocation started",
            LogField.Of("payloadBytes", request.Payload.Length),
            LogField.Of("budgetMs", budget.Budget),
            LogField.Of("invokedFunctionArn", context.InvokedFunctionArn));

        ReadOnlyMemory<byte> response;
        try
        {
            response = await handler.HandleAsync(request.Payload, context, budget.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var failure = budget.Expired && ex is OperationCanceledException
                ? new InvocationDeadlineException(
                    $"The invocation stopped {options.DeadlineSafetyMargin.TotalSeconds:0.###} s before Lambda's deadline: its work (AWS calls and their retries included) did not finish within the {budget.Budget?.TotalSeconds:0.###} s it had. Lambda retries the event.",
                    ex)
                : ex;
            var report = ErrorReport.FromException(failure, options.KnownErrorType);
            log.Error("Invocation failed", failure,
                LogField.Of("reportedErrorType", report.ErrorType),
                LogField.Of("durationMs", time.GetElapsedTime(started)));
            await ReportErrorAsync(context.RequestId, report, log, stopping).ConfigureAwait(false);
            return;
        }

        try
        {
            using var timeout = new ReportDeadline(options.ReportTimeout, time, stopping);
            await client.SendResponseAsync(context.RequestId, response, timeout.Token).ConfigureAwait(false);
            log.Info("Invocation succeeded",
                LogField.Of("responseBytes", response.Length),
                LogField.Of("durationMs", time.GetElapsedTime(started)));
        }
        catch (Exception ex)
        {
            // The Runtime API did not take the response (too large, connection lost): fail the invocation so
            // that Lambda records an outcome. If the response did arrive, the API refuses this second report.
            log.Error("Posting the response failed", ex, LogField.Of("responseBytes", response.Length));
            var report = new ErrorReport("Runtime.ResponseNotDelivered", $"The handler finished but its response could not be delivered: {ex.Message}");
            await ReportErrorAsync(context.RequestId, report, log, stopping).ConfigureAwait(false);
        }
    }

    private async Task ReportErrorAsync(string requestId, ErrorReport report, RuntimeLogger log, CancellationToken stopping)
    {
        try
        {
            using var timeout = new ReportDeadline(options.ReportTimeout, time, stopping);
            await client.ReportInvocationErrorAsync(requestId, report, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            log.Error("Reporting the invocation error failed; serving the next invocation", ex,
                LogField.Of("reportedErrorType", report.ErrorType));
        }
    }
}
