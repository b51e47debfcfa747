using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.Config;

// The batch calls (BatchGetResourceConfig, BatchGetAggregateResourceConfig, PutEvaluations): Config may carry out part
// of one and answer which entries it left undone.
public sealed partial class ConfigServiceClient
{
    /// <summary>
    /// A batch call Config may carry out in part: <paramref name="send"/> sends what is pending and returns what Config
    /// left undone, which is sent again with the transport's backoff until nothing is left. What is still left after the
    /// transport's attempts (or when the wait is cancelled) fails the call with <see cref="IncompleteBatchException"/>:
    /// nothing is dropped.
    /// </summary>
    private async Task SendUntilDoneAsync<T>(BatchRetry<T> batch, List<T> pending, Func<List<T>, CancellationToken, Task<List<T>>> send,
        CancellationToken cancellationToken)
    {
        var total = pending.Count;
        for (var round = 1; ; round++)
        {
            pending = await send(pending, cancellationToken).ConfigureAwait(false);
            if (pending.Count == 0) return;
            var left = pending;
            var attempts = round;
            if (round >= _transport.Options.MaxAttempts) throw batch.Incomplete(left, total, attempts);
            try
            {
                await _transport.DelayBeforeRetryAsync(round, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw batch.Incomplete(left, total, attempts);
            }
        }
    }

    /// <summary>How a batch call names what Config left undone: the response member, what was left, each entry.</summary>
    private sealed record BatchRetry<T>(string Operation, string Field, Func<int, string> WhatIsLeft, Func<T, string> Name)
    {
        public IncompleteBatchException Incomplete(List<T> left, int total, int attempts)
        {
            var names = string.Join(", ", left.Take(5).Select(Name)) + (left.Count > 5 ? ", ..." : string.Empty);
            return new IncompleteBatchException(Field,
                $"Config {Operation} {WhatIsLeft(left.Count)} after {attempts} attempts ({names}); nothing was dropped: the call fails so it can be retried.",
                left.Count, total);
        }
    }
}
