using System.Net;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Tests.Clients;
using ConfigRules.Aws.Transport;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Transport;

public sealed class RetryTests
{
    private static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLETOKEN");
    /// <summary>Only against a hang of the test itself: every wait below is for an event that is due at once.</summary>
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);
    private ScriptedHandler _handler = null!;
    private RecordingDelays _delays = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new ScriptedHandler();
        _delays = new RecordingDelays();
    }

    [TearDown]
    public void TearDown() => _handler.Dispose();

    private AwsTransport Transport(int maxAttempts = 4, TimeSpan? perCallTimeout = null, TimeProvider? time = null) =>
        new(new StaticCredentialsProvider(Credentials), new HttpClient(_handler), time, retryOptions: new RetryOptions
        {
            MaxAttempts = maxAttempts, PerCallTimeout = perCallTimeout ?? TimeSpan.FromSeconds(30),
        }, delays: _delays);

    private static AwsRequest Request(IAwsErrorParser? parser = null) => new(
        AwsService.Config, new AwsEndpoint(new Uri("https://config.us-east-1.amazonaws.com/"), "us-east-1", "config"), "PutEvaluations",
        HttpMethod.Post, "/", [new("X-Amz-Target", "StarlingDoveService.PutEvaluations")], "{}"u8.ToArray(), AwsJsonProtocol.ContentType,
        parser ?? AwsJsonErrorParser.Instance);

    [TestCase(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws#ThrottlingException","message":"Rate exceeded"}""")]
    [TestCase(HttpStatusCode.BadRequest, """{"__type":"RequestLimitExceeded"}""")]
    [TestCase(HttpStatusCode.BadRequest, """{"__type":"Throttling"}""")]
    [TestCase(HttpStatusCode.TooManyRequests, """{"message":"slow down"}""")]
    [TestCase(HttpStatusCode.InternalServerError, "")]
    [TestCase(HttpStatusCode.ServiceUnavailable, "<html>busy</html>")]
    public async Task Throttling_and_5xx_are_retried_with_growing_backoff(HttpStatusCode status, string body)
    {
        _handler.Respond(status, body).Respond(status, body).Respond(HttpStatusCode.OK);

        var response = await Transport().SendAsync(Request(), CancellationToken.None);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _handler.Sent.Should().HaveCount(3);
        _delays.Retries.Should().Equal(1, 2);
    }

    [Test]
    public async Task Connection_faults_are_retried()
    {
        _handler.Throw(new HttpRequestException("Connection refused")).Throw(new IOException("reset by peer")).Respond(HttpStatusCode.OK);
        (await Transport().SendAsync(Request(), CancellationToken.None)).StatusCode.Should().Be(HttpStatusCode.OK);
        _handler.Sent.Should().HaveCount(3);
    }

    [Test]
    public async Task A_hung_call_is_cut_by_the_per_call_timeout_and_retried()
    {
        var time = new FakeTimeProvider();
        _handler.Hang().Respond(HttpStatusCode.OK);
        var sending = Transport(perCallTimeout: TimeSpan.FromSeconds(5), time: time).SendAsync(Request(), CancellationToken.None);
        await _handler.Hanging.WaitAsync(SafetyNet);

        time.Advance(TimeSpan.FromSeconds(5));

        (await sending.WaitAsync(SafetyNet)).StatusCode.Should().Be(HttpStatusCode.OK);
        _delays.Retries.Should().Equal(1);
    }

    [Test]
    public async Task Every_attempt_is_signed_afresh()
    {
        _handler.Respond(HttpStatusCode.InternalServerError).Respond(HttpStatusCode.OK);
        await Transport().SendAsync(Request(), CancellationToken.None);
        _handler.Sent.Should().AllSatisfy(r =>
        {
            r.Headers.GetValues("Authorization").Should().ContainSingle();
            r.Headers.GetValues("X-Amz-Security-Token").Should().Equal(Credentials.SessionToken);
        });
    }

    [Test]
    public async Task A_non_retryable_error_fails_at_once_with_the_AWS_code()
    {
        _handler.Respond(HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.starling#NoSuchConfigRuleException","message":"The ConfigRule 'x' provided in the request is invalid."}""",
            ("x-amzn-RequestId", "req-1"));

        var act = () => Transport().SendAsync(Request(), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("NoSuchConfigRuleException");
        thrown.RequestId.Should().Be("req-1");
        thrown.Attempts.Should().Be(1);
        thrown.Message.Should().Be("Config PutEvaluations failed (HTTP 400, NoSuchConfigRuleException): The ConfigRule 'x' provided in the request is invalid. (request id req-1)");
        _delays.Retries.Should().BeEmpty();
    }

    [Test]
    public async Task Retries_stop_at_MaxAttempts_with_the_last_error()
    {
        for (var i = 0; i < 3; i++) _handler.Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""");
        var act = () => Transport(maxAttempts: 3).SendAsync(Request(), CancellationToken.None);
        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("ThrottlingException");
        thrown.Attempts.Should().Be(3);
        thrown.Message.Should().Contain("after 3 attempts");
    }

    [Test]
    public async Task The_callers_deadline_ends_the_retries_with_the_last_AWS_error()
    {
        using var deadline = new CancellationTokenSource();
        var transport = new AwsTransport(new StaticCredentialsProvider(Credentials), new HttpClient(_handler),
            retryOptions: new RetryOptions { MaxAttempts = 50 }, delays: new CancelAfter(2, deadline));
        for (var i = 0; i < 5; i++) _handler.Respond(HttpStatusCode.ServiceUnavailable, "");

        var act = () => transport.SendAsync(Request(), deadline.Token);

        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("ServiceUnavailable");
        thrown.Message.Should().Contain("deadline");
        _handler.Sent.Should().HaveCount(2);
    }

    [Test]
    public async Task A_deadline_during_a_hung_call_is_not_retried()
    {
        using var deadline = new CancellationTokenSource();
        _handler.Hang();
        var sending = Transport().SendAsync(Request(), deadline.Token);
        await _handler.Hanging.WaitAsync(SafetyNet);

        await deadline.CancelAsync();

        await FluentActions.Awaiting(() => sending.WaitAsync(SafetyNet)).Should().ThrowAsync<OperationCanceledException>();
        _handler.Sent.Should().ContainSingle();
    }

    [Test]
    public async Task A_deadline_during_a_retry_reports_the_earlier_AWS_error()
    {
        using var deadline = new CancellationTokenSource();
        _handler.Respond(HttpStatusCode.ServiceUnavailable, "").Hang();
        var transport = Transport(maxAttempts: 5);
        var sending = transport.SendAsync(Request(), deadline.Token);
        await _handler.Hanging.WaitAsync(SafetyNet);
        _handler.Sent.Should().HaveCount(2);
        await deadline.CancelAsync();

        var thrown = (await FluentActions.Awaiting(() => sending.WaitAsync(SafetyNet)).Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("ServiceUnavailable");
        thrown.Message.Should().Contain("deadline");
    }

    [Test]
    public void Full_jitter_backoff_is_uniform_below_an_exponential_ceiling_with_a_cap()
    {
        var backoff = new FullJitterBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), () => 1.0);
        Enumerable.Range(1, 7).Select(r => backoff.DelayBefore(r).TotalMilliseconds).Should().Equal(100, 200, 400, 800, 1600, 2000, 2000);
        new FullJitterBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), () => 0.25).DelayBefore(3).TotalMilliseconds.Should().Be(100);
        new FullJitterBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), () => 0.0).DelayBefore(5).Should().Be(TimeSpan.Zero);
    }

    [Test]
    public void Default_backoff_stays_within_its_bounds()
    {
        var backoff = new FullJitterBackoff(RetryOptions.Default);
        for (var retry = 1; retry <= 40; retry++)
            backoff.DelayBefore(retry).Should().BeGreaterThanOrEqualTo(TimeSpan.Zero).And.BeLessThanOrEqualTo(RetryOptions.Default.MaxDelay);
    }

    private sealed class CancelAfter(int retries, CancellationTokenSource deadline) : IRetryDelayStrategy
    {
        public TimeSpan DelayBefore(int retry)
        {
            if (retry >= retries) deadline.Cancel();
            return TimeSpan.Zero;
        }
    }
}
