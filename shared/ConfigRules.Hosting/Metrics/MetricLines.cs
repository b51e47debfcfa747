using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConfigRules.Framework.Pipeline;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.Hosting.Metrics;

/// <summary>
/// Writes the functions' metrics as Embedded Metric Format lines on the invocation's log (stdout), from which
/// CloudWatch Logs extracts them: no PutMetricData call, no extra latency, nothing to fail. Namespace
/// <see cref="Namespace"/>; rules by dimension <c>Rule</c>, the hook by <c>HookStatus</c>, the operational
/// handlers by <c>Handler</c>.
/// </summary>
public sealed class MetricLines(RuntimeLogger output, TimeProvider time, string? requestId = null)
{
    public const string Namespace = "ConfigRules";
    public const string Count = "Count";
    public const string Milliseconds = "Milliseconds";

    private static readonly EmfMetric DurationMetric = new(nameof(RuleInvocationLine.Duration), Milliseconds);
    private static readonly EmfMetric ErrorsMetric = new(nameof(RuleInvocationLine.Errors), Count);

    private static readonly EmfMetric[] RuleSuccessMetrics =
    [
        new(nameof(RuleInvocationLine.Evaluations), Count),
        new(nameof(RuleInvocationLine.Compliant), Count),
        new(nameof(RuleInvocationLine.NonCompliant), Count),
        new(nameof(RuleInvocationLine.NotApplicable), Count),
        DurationMetric,
    ];

    private static readonly EmfMetric[] FailureMetrics = [ErrorsMetric, DurationMetric];

    private static readonly EmfMetric[] HookMetrics =
    [
        new(nameof(HookDecisionLine.Decisions), Count),
        new(nameof(HookDecisionLine.Annotations), Count),
        new(nameof(HookDecisionLine.FailedAnnotations), Count),
        new(nameof(HookDecisionLine.InternalFailures), Count),
        DurationMetric,
    ];

    /// <summary>A writer for one invocation: its lines carry the request id (a plain member, not a dimension).</summary>
    public static MetricLines For(RuntimeLogger output, TimeProvider time) =>
        new(output ?? throw new ArgumentNullException(nameof(output)), time, output.RequestId);

    /// <summary>A rule invocation that posted its evaluations: the counts are those PutEvaluations accepted.</summary>
    public void RuleEvaluated(InvocationReport report, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(report);
        Write(new RuleInvocationLine(Metadata(["Rule"], RuleSuccessMetrics), report.RuleId, requestId,
            report.Evaluations, report.Compliant, report.NonCompliant, report.NotApplicable, null, Round(duration)),
            MetricsJsonContext.Default.RuleInvocationLine);
    }

    /// <summary>A rule invocation that failed: <c>Errors</c> = 1 instead of the counts.</summary>
    public void RuleFailed(string ruleId, TimeSpan duration) =>
        Write(new RuleInvocationLine(Metadata(["Rule"], FailureMetrics), ruleId, requestId, null, null, null, null, 1, Round(duration)),
            MetricsJsonContext.Default.RuleInvocationLine);

    /// <summary>
    /// A deployment-hook decision: <paramref name="hookStatus"/> is the answer's <c>hookStatus</c> (SUCCESS or
    /// FAILED), <paramref name="annotations"/> the rule verdicts it carries, <paramref name="failedAnnotations"/> those FAILED,
    /// <paramref name="internalFailure"/> whether the FAILED answer says the request could not be judged rather than a finding.
    /// </summary>
    public void HookDecided(string hookStatus, int annotations, int failedAnnotations, bool internalFailure, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hookStatus);
        Write(new HookDecisionLine(Metadata(["HookStatus"], HookMetrics), hookStatus, requestId, 1, annotations, failedAnnotations,
            internalFailure ? 1 : 0, Round(duration)),
            MetricsJsonContext.Default.HookDecisionLine);
    }

    /// <summary>The compliance notifier handled an event: 1 when it published a notice, 0 when there was nothing to announce.</summary>
    public void NoticeHandled(string handler, bool published, TimeSpan duration) =>
        Write(new HandlerInvocationLine(Metadata(["Handler"], [new(nameof(HandlerInvocationLine.NoticesPublished), Count), DurationMetric]),
            handler, requestId, published ? 1 : 0, null, null, null, Round(duration)), MetricsJsonContext.Default.HandlerInvocationLine);

    /// <summary>The remediation handled a request: 1 remediation when it changed a REST API, 1 re-evaluation when the fast path asked for one.</summary>
    public void RemediationHandled(string handler, bool remediated, bool reEvaluationStarted, TimeSpan duration) =>
        Write(new HandlerInvocationLine(
            Metadata(["Handler"], [new(nameof(HandlerInvocationLine.Remediations), Count), new(nameof(HandlerInvocationLine.ReEvaluations), Count), DurationMetric]),
            handler, requestId, null, remediated ? 1 : 0, reEvaluationStarted ? 1 : 0, null, Round(duration)), MetricsJsonContext.Default.HandlerInvocationLine);

    /// <summary>An operational handler's invocation failed.</summary>
    public void HandlerFailed(string handler, TimeSpan duration) =>
        Write(new HandlerInvocationLine(Metadata(["Handler"], FailureMetrics), handler, requestId, null, null, null, 1, Round(duration)),
            MetricsJsonContext.Default.HandlerInvocationLine);

    private EmfMetadata Metadata(string[] dimensions, IReadOnlyList<EmfMetric> metrics) =>
        new(time.GetUtcNow().ToUnixTimeMilliseconds(), [new EmfDirective(Namespace, [dimensions], metrics)]);

    private void Write<T>(T line, JsonTypeInfo<T> typeInfo) => output.WriteDocument(JsonSerializer.SerializeToUtf8Bytes(line, typeInfo));

    private static double Round(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 1);
}
