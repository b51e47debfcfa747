using ConfigRules.Aws.Config;
using ConfigRules.Aws.Transport;
using ConfigRules.Reliability.Tests.FaultInjection;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.Security;

/// <summary>
/// AWS's signature errors echo the canonical request (the session token included); a signed call that fails
/// must still leave the secret key, the session token and the signature out of every message.
/// </summary>
public class SecretRedactionTests
{
    [Test]
    public async Task A_rejected_signature_is_reported_without_the_token_the_key_or_the_signature()
    {
        await using var server = LoopbackAwsServer.Start();
        var settings = new SoakSettings { PerCallTimeout = TimeSpan.FromSeconds(10) };
        var target = new InProcessTarget(Rules.RuleCatalog.Find(SoakEvents.RuleName)!, server, settings);
        // The loopback verifier answers a wrong signature with AWS's text: the canonical request, token line included.
        server.Faults.Error("config", "*", 403, "InvalidSignatureException",
            $"The request signature we calculated does not match. Canonical request:\nx-amz-security-token:{LoopbackAwsServer.SessionToken}\nAuthorization: Signature=0123456789abcdef0123456789abcdef key {LoopbackAwsServer.SecretAccessKey}");

        var outcome = await target.DeliverAsync(SoakEvents.Change(1, new Random(1)).Payload, settings.InvocationTimeout);

        outcome!.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("InvalidSignatureException");
        outcome.ErrorMessage.Should().Contain("PutEvaluations").And.Contain("403")
            .And.NotContain(LoopbackAwsServer.SessionToken)
            .And.NotContain(LoopbackAwsServer.SecretAccessKey)
            .And.NotContain("0123456789abcdef0123456789abcdef");
    }

    [Test]
    public void Every_secret_shape_is_redacted_from_text()
    {
        var credentials = new Aws.Credentials.AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEBYaDExampleToken/+==");
        var signature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
        var text = $"canonical: x-amz-security-token:{credentials.SessionToken}\nX-Amz-Security-Token={credentials.SessionToken}&X-Amz-Signature={signature} " +
                   $"Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/config/aws4_request, SignedHeaders=host, Signature={signature} secret {credentials.SecretAccessKey}";

        var redacted = SecretRedactor.Redact(text, credentials)!;

        redacted.Should().NotContain(credentials.SessionToken).And.NotContain(credentials.SecretAccessKey).And.NotContain(signature);
    }
}
