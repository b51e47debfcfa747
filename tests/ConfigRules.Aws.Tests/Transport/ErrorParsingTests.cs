using System.Net;
using System.Text;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Transport;

public sealed class ErrorParsingTests
{
    private static AwsHttpResponse Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        using var message = new HttpResponseMessage(status);
        foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        return new AwsHttpResponse(status, message.Headers, Encoding.UTF8.GetBytes(body));
    }

    [TestCase("""{"__type":"com.amazonaws.starlingdove#ResourceNotDiscoveredException","message":"gone"}""", "ResourceNotDiscoveredException", "gone")]
    [TestCase("""{"__type":"ValidationException","Message":"bad"}""", "ValidationException", "bad")]
    [TestCase("""{"__type":"aws.protocoltests#Oops:http://internal.amazon.com/coral/x","message":"m"}""", "Oops", "m")]
    public void AwsJson_reads_type_without_its_namespace(string body, string code, string message)
    {
        var error = AwsJsonErrorParser.Instance.Parse(Response(HttpStatusCode.BadRequest, body));
        error.Code.Should().Be(code);
        error.Message.Should().Be(message);
    }

    [Test]
    public void AwsJson_falls_back_to_the_header_then_the_status()
    {
        AwsJsonErrorParser.Instance.Parse(Response(HttpStatusCode.BadRequest, "", ("x-amzn-ErrorType", "AccessDeniedException:http://x"))).Code
            .Should().Be("AccessDeniedException");
        AwsJsonErrorParser.Instance.Parse(Response(HttpStatusCode.ServiceUnavailable, "<html/>")).Code.Should().Be("ServiceUnavailable");
    }

    [Test]
    public void RestJson_prefers_the_x_amzn_ErrorType_header_and_reads_message_in_either_case()
    {
        var lambda = RestJsonErrorParser.Instance.Parse(Response(HttpStatusCode.NotFound, """{"Type":"User","Message":"Function not found: x"}""",
            ("x-amzn-ErrorType", "ResourceNotFoundException"), ("x-amzn-RequestId", "rid")));
        lambda.Should().Be(new AwsErrorInfo("ResourceNotFoundException", "Function not found: x", "rid"));

        var apigw = RestJsonErrorParser.Instance.Parse(Response(HttpStatusCode.NotFound, """{"message":"Invalid API identifier specified"}""",
            ("x-amzn-ErrorType", "NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/")));
        apigw.Code.Should().Be("NotFoundException");
        apigw.Message.Should().Be("Invalid API identifier specified");

        RestJsonErrorParser.Instance.Parse(Response(HttpStatusCode.BadRequest, """{"code":"BadRequestException","message":"no"}""")).Code
            .Should().Be("BadRequestException");
    }

    [Test]
    public void AwsQuery_reads_the_XML_ErrorResponse()
    {
        const string xml = """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name x cannot be found.</Message></Error>
              <RequestId>4a7d-req</RequestId>
            </ErrorResponse>
            """;
        AwsQueryErrorParser.Instance.Parse(Response(HttpStatusCode.NotFound, xml))
            .Should().Be(new AwsErrorInfo("NoSuchEntity", "The role with name x cannot be found.", "4a7d-req"));
    }

    [Test]
    public void AwsQuery_survives_a_body_that_is_not_XML()
    {
        var error = AwsQueryErrorParser.Instance.Parse(Response(HttpStatusCode.BadGateway, "upstream failed"));
        error.Code.Should().Be("Http502Error");
        error.Message.Should().Be("upstream failed");
    }

    [Test]
    public void Secrets_echoed_by_a_signature_error_are_redacted()
    {
        var credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLE/TOKEN==");
        const string echoed = "The canonical string for this request should have been 'POST\n/\n\nhost:config\nx-amz-security-token:FwoGZXIvYXdzEXAMPLE/TOKEN==\n' " +
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31 key wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

        var redacted = SecretRedactor.Redact(echoed, credentials);

        redacted.Should().NotContain(credentials.SecretAccessKey).And.NotContain(credentials.SessionToken)
            .And.NotContain("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31").And.Contain("<redacted>");
    }

    [Test]
    public void Credentials_never_print_their_secrets()
    {
        var credentials = new AwsCredentials("AKIDEXAMPLE", "topsecret", "sessiontoken");
        credentials.ToString().Should().Contain("AKIDEXAMPLE").And.NotContain("topsecret").And.NotContain("sessiontoken");
    }
}
