using System.Text;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.S3;
using ConfigRules.Aws.Tests.Clients;
using ConfigRules.Aws.Transport;
using FluentAssertions;
using NUnit.Framework;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Aws.Tests.S3;

public sealed class S3ClientTests : LoopbackClientTests
{

    private S3Client Client => S3Client.Create(Loopback.Context);

    [Test]
    public async Task GetObject_streams_the_body_path_style_with_a_signed_payload_hash()
    {
        var content = Encoding.UTF8.GetBytes(new string('x', 300_000));
        Loopback.Server.S3.PutObject("governance-config", "exemptions.yaml", content);

        using var response = await Client.GetObjectAsync("governance-config", "exemptions.yaml", CancellationToken.None);
        await using var body = await response.OpenBodyAsync(CancellationToken.None);
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy);

        copy.ToArray().Should().Equal(content);
        response.ContentLength.Should().Be(content.Length);
        response.VersionId.Should().Be("v1");
        var recorded = Loopback.Server.RequestsFor("s3", "GetObject").Should().ContainSingle().Subject;
        recorded.Status.Should().Be(200);
        recorded.Request.RawPath.Should().Be("/governance-config/exemptions.yaml");
        recorded.Request.Header("x-amz-content-sha256").Should().Be("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        recorded.Request.Header("Authorization").Should().Contain("x-amz-content-sha256").And.Contain("x-amz-security-token");
    }

    [Test]
    public async Task A_key_with_spaces_and_reserved_characters_is_encoded_once_and_signed_as_sent()
    {
        const string key = "team a/exemptions+draft (1).yaml";
        Loopback.Server.S3.PutObject("governance-config", key, "exemptions: []");

        var text = await Client.GetObjectTextAsync("governance-config", key, 1024, CancellationToken.None);

        text.Should().Be("exemptions: []");
        Loopback.Server.RequestsFor("s3")[0].Request.RawPath.Should().Be("/governance-config/team%20a/exemptions%2Bdraft%20%281%29.yaml");
    }

    [Test]
    public async Task GetObjectText_drops_a_byte_order_mark_and_refuses_an_object_over_the_limit()
    {
        Loopback.Server.S3.PutObject("governance-config", "bom.yaml", [0xEF, 0xBB, 0xBF, .. "exemptions: []"u8.ToArray()]);
        Loopback.Server.S3.PutObject("governance-config", "big.yaml", new string('#', 2048));

        (await Client.GetObjectTextAsync("governance-config", "bom.yaml", 1024, CancellationToken.None)).Should().Be("exemptions: []");
        var tooLarge = () => Client.GetObjectTextAsync("governance-config", "big.yaml", 1024, CancellationToken.None);
        (await tooLarge.Should().ThrowAsync<S3ObjectTooLargeException>()).Which.Message
            .Should().Contain("s3://governance-config/big.yaml").And.Contain("1,024 bytes");
    }

    [Test]
    public async Task A_missing_key_is_NoSuchKey_naming_the_object()
    {
        Loopback.Server.S3.CreateBucket("governance-config");

        var act = () => Client.GetObjectAsync("governance-config", "missing.yaml", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<S3RequestException>()).Which;
        error.ErrorType.Should().Be("NoSuchKey");
        error.Message.Should().Contain("s3://governance-config/missing.yaml").And.Contain("no object has that key").And.Contain("request id");
        Loopback.Server.RequestsFor("s3", "GetObject").Should().ContainSingle("a missing object is not retried");
    }

    [Test]
    public async Task A_missing_bucket_and_a_denied_object_say_which_and_what_the_caller_needs()
    {
        Loopback.Server.S3.PutObject("governance-config", "exemptions.yaml", "exemptions: []");
        Loopback.Server.S3.DenyAccess("governance-config", "exemptions.yaml");

        var noBucket = () => Client.GetObjectAsync("no-such-bucket", "exemptions.yaml", CancellationToken.None);
        var denied = () => Client.GetObjectAsync("governance-config", "exemptions.yaml", CancellationToken.None);

        var bucketError = (await noBucket.Should().ThrowAsync<S3RequestException>()).Which;
        bucketError.ErrorType.Should().Be("NoSuchBucket");
        bucketError.Message.Should().Contain("the bucket 'no-such-bucket' does not exist");
        var deniedError = (await denied.Should().ThrowAsync<S3RequestException>()).Which;
        deniedError.ErrorType.Should().Be("AccessDenied");
        deniedError.Message.Should().Contain("s3://governance-config/exemptions.yaml").And.Contain("s3:GetObject").And.Contain("kms:Decrypt");
    }

    [Test]
    public async Task Throttling_SlowDown_is_retried()
    {
        Loopback.Server.S3.PutObject("governance-config", "exemptions.yaml", "exemptions: []");
        Loopback.Server.Faults.Throttle("s3", "GetObject", times: 2);

        var text = await Client.GetObjectTextAsync("governance-config", "exemptions.yaml", 1024, CancellationToken.None);

        text.Should().Be("exemptions: []");
        Loopback.Server.RequestsFor("s3", "GetObject").Select(r => r.Status).Should().Equal(503, 503, 200);
    }

    [Test]
    public async Task ListObjectsV2_follows_continuation_tokens_and_decodes_url_encoded_keys()
    {
        Loopback.Server.S3.PageSize = 2;
        var keys = new[] { "snapshots/a.json.gz", "snapshots/b c.json", "snapshots/d+e.json", "snapshots/f.json", "other/x.json" };
        foreach (var key in keys) Loopback.Server.S3.PutObject("config-bucket", key, "{}");

        var listed = new List<S3ObjectSummary>();
        await foreach (var summary in Client.ListObjectsAsync("config-bucket", "snapshots/", CancellationToken.None)) listed.Add(summary);

        listed.Select(o => o.Key).Should().Equal("snapshots/a.json.gz", "snapshots/b c.json", "snapshots/d+e.json", "snapshots/f.json");
        listed.Should().OnlyContain(o => o.Size == 2 && o.LastModified == new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
        var requests = Loopback.Server.RequestsFor("s3", "ListObjectsV2");
        requests.Should().HaveCount(2);
        requests.Should().OnlyContain(r => r.Request.RawPath == "/config-bucket" && r.Request.RawQuery.Contains("list-type=2") && r.Request.RawQuery.Contains("prefix=snapshots%2F"));
        requests[1].Request.RawQuery.Should().Contain("continuation-token=");
    }

    [Test]
    public async Task ListObjectsV2_of_a_missing_bucket_names_it()
    {
        var act = async () =>
        {
            await foreach (var _ in Client.ListObjectsAsync("no-such-bucket", "", CancellationToken.None)) { }
        };

        (await act.Should().ThrowAsync<S3RequestException>()).Which.ErrorType.Should().Be("NoSuchBucket");
    }

    [Test]
    public async Task Against_AWS_a_bucket_is_its_own_host_and_a_dotted_bucket_goes_path_style()
    {
        var handler = new CapturingHandler();
        var environment = new DictionaryEnvironmentVariables(new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" });
        var context = AwsClientContext.FromEnvironment(environment, new StaticCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "secret", null)),
            new HttpClient(handler), retryOptions: new RetryOptions { MaxAttempts = 1 });
        var client = S3Client.Create(context);

        using (await client.GetObjectAsync("governance-config", "dir/exemptions.yaml", CancellationToken.None)) { }
        using (await client.GetObjectAsync("governance.config", "exemptions.yaml", CancellationToken.None)) { }

        handler.Uris.Should().Equal(
            new Uri("https://governance-config.s3.eu-west-1.amazonaws.com/dir/exemptions.yaml"),
            new Uri("https://s3.eu-west-1.amazonaws.com/governance.config/exemptions.yaml"));
        handler.Authorizations.Should().OnlyContain(a => a.Contains("/eu-west-1/s3/aws4_request"));
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<Uri> Uris { get; } = [];
        public List<string> Authorizations { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            Authorizations.Add(request.Headers.Authorization?.ToString() ?? request.Headers.GetValues("Authorization").Single());
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent([]) });
        }
    }
}

public sealed class S3LocationTests
{
    [TestCase("s3://governance-config/exemptions.yaml", "governance-config", "exemptions.yaml", false)]
    [TestCase("s3://config-bucket/AWSLogs/123456789012/Config/", "config-bucket", "AWSLogs/123456789012/Config/", true)]
    [TestCase("s3://config-bucket", "config-bucket", "", true)]
    [TestCase("s3://config-bucket/", "config-bucket", "", true)]
    [TestCase("s3://my.dotted.bucket/a b.json", "my.dotted.bucket", "a b.json", false)]
    public void Parses_an_object_or_a_prefix(string text, string bucket, string key, bool isPrefix)
    {
        var location = S3Location.Parse(text);

        location.Should().Be(new S3Location(bucket, key));
        location.IsPrefix.Should().Be(isPrefix);
    }

    [TestCase("https://bucket/key", "is not an S3 URI")]
    [TestCase("s3:/bucket/key", "is not an S3 URI")]
    [TestCase("s3://Bucket/key", "may hold only lower-case letters")]
    [TestCase("s3://ab/key", "3 to 63 characters")]
    [TestCase("s3://-bucket/key", "start and end with a letter or digit")]
    [TestCase("s3:///key", "3 to 63 characters")]
    public void Refuses_what_is_not_an_s3_uri_saying_what_is_accepted(string text, string problem)
    {
        var act = () => S3Location.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{problem}*").WithMessage("*expected s3://<bucket>/<key>*");
    }
}
