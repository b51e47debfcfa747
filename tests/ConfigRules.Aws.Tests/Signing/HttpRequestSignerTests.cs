using System.Net.Http.Headers;
using System.Text;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Signing;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Signing;

public sealed class HttpRequestSignerTests
{
    private static readonly DateTimeOffset SignedAt = new(2024, 5, 1, 10, 0, 0, 250, TimeSpan.Zero);
    private static readonly AwsCredentials WithToken = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session/token+value==");

    private static HttpRequestMessage ConfigRequest()
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "https://config.us-east-1.amazonaws.com/")
        {
            Content = new ByteArrayContent("""{"resourceType":"AWS::Lambda::Function"}"""u8.ToArray()),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "StarlingDoveService.ListDiscoveredResources");
        return message;
    }

    [Test]
    public async Task A_session_token_is_sent_and_signed()
    {
        using var message = ConfigRequest();

        var result = await HttpRequestSigner.SignAsync(message, WithToken, "us-east-1", "config", SignedAt);

        message.Headers.GetValues("X-Amz-Security-Token").Should().Equal("session/token+value==");
        result.SignedHeaders.Should().Be("content-type;host;x-amz-date;x-amz-security-token;x-amz-target");
        result.CanonicalRequest.Should().Contain("\nx-amz-security-token:session/token+value==\n");
        message.Headers.GetValues("X-Amz-Date").Should().Equal("20240501T100000Z");
        message.Headers.GetValues("Authorization").Single().Should().StartWith(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/config/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=");
    }

    [Test]
    public async Task Without_a_session_token_no_token_header_is_sent()
    {
        using var message = ConfigRequest();
        var result = await HttpRequestSigner.SignAsync(message, new AwsCredentials("AKIDEXAMPLE", "secret"), "us-east-1", "config", SignedAt);
        message.Headers.Contains("X-Amz-Security-Token").Should().BeFalse();
        result.SignedHeaders.Should().NotContain("x-amz-security-token");
    }

    [Test]
    public async Task The_payload_hash_is_of_the_body_and_the_host_carries_a_non_default_port()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:4566/2019-09-30/functions/fn/concurrency");
        var result = await HttpRequestSigner.SignAsync(message, WithToken, "eu-west-1", "lambda", SignedAt);
        result.CanonicalRequest.Should().EndWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        result.CanonicalRequest.Should().Contain("\nhost:127.0.0.1:4566\n");
        message.Headers.Host.Should().Be("127.0.0.1:4566");
    }

    [Test]
    public async Task Signing_again_replaces_the_previous_signature_headers()
    {
        using var message = ConfigRequest();
        await HttpRequestSigner.SignAsync(message, WithToken, "us-east-1", "config", SignedAt);
        var second = await HttpRequestSigner.SignAsync(message, WithToken, "us-east-1", "config", SignedAt.AddSeconds(30));
        message.Headers.GetValues("X-Amz-Date").Should().Equal("20240501T100030Z");
        message.Headers.GetValues("X-Amz-Security-Token").Should().ContainSingle();
        second.SignedHeaders.Split(';').Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task The_loopback_verifier_accepts_what_the_signer_produces_and_rejects_a_tampered_body()
    {
        using var message = ConfigRequest();
        await HttpRequestSigner.SignAsync(message, WithToken, "us-east-1", "config", SignedAt);
        var verifier = new SigV4RequestVerifier(WithToken.AccessKeyId, WithToken.SecretAccessKey, WithToken.SessionToken, new FixedTime(SignedAt));

        verifier.Verify(ToLoopback(message, await message.Content!.ReadAsByteArrayAsync())).Should().Be(("config", "us-east-1"));

        var tampered = ToLoopback(message, Encoding.UTF8.GetBytes("""{"resourceType":"AWS::IAM::Role"}"""));
        FluentActions.Invoking(() => verifier.Verify(tampered)).Should().Throw<SignatureRejectedException>()
            .Which.Problem.Should().Be(SignatureProblem.SignatureMismatch);
    }

    [Test]
    public async Task The_loopback_verifier_rejects_a_wrong_or_missing_session_token()
    {
        using var message = ConfigRequest();
        await HttpRequestSigner.SignAsync(message, new AwsCredentials(WithToken.AccessKeyId, WithToken.SecretAccessKey), "us-east-1", "config", SignedAt);
        var verifier = new SigV4RequestVerifier(WithToken.AccessKeyId, WithToken.SecretAccessKey, WithToken.SessionToken, new FixedTime(SignedAt));

        var request = ToLoopback(message, await message.Content!.ReadAsByteArrayAsync());
        FluentActions.Invoking(() => verifier.Verify(request))
            .Should().Throw<SignatureRejectedException>().Which.Problem.Should().Be(SignatureProblem.InvalidToken);
    }

    internal static LoopbackRequest ToLoopback(HttpRequestMessage message, byte[] body)
    {
        var headers = message.Headers.Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value))).ToList();
        if (message.Content?.Headers.ContentType is { } type) headers.Add(new("Content-Type", type.ToString()));
        return new LoopbackRequest
        {
            Method = message.Method.Method, RawPath = message.RequestUri!.AbsolutePath, RawQuery = message.RequestUri.Query.TrimStart('?'),
            Headers = headers, Body = body,
        };
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
