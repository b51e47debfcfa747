using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Sts;
using ConfigRules.Aws.Transport;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Clients;

public sealed class StsClientTests : LoopbackClientTests
{
    private const string MemberRole = "arn:aws:iam::210987654321:role/configrules-member";

    [Test]
    public async Task AssumeRole_sends_the_query_form_and_reads_the_temporary_credentials()
    {
        Loopback.Server.Sts.AllowRole(MemberRole);

        var assumed = await StsClient.Create(Loopback.Context).AssumeRoleAsync(MemberRole, "configrules-lambda-timeout-check", 900, CancellationToken.None);

        var issued = Loopback.Server.Sts.Issued.Should().ContainSingle().Subject;
        assumed.Credentials.AccessKeyId.Should().Be(issued.AccessKeyId);
        assumed.Credentials.SecretAccessKey.Should().Be(issued.SecretAccessKey);
        assumed.Credentials.SessionToken.Should().Be(issued.SessionToken);
        // The wire carries whole seconds.
        assumed.Expiration.Should().Be(issued.Expiration.AddTicks(-(issued.Expiration.Ticks % TimeSpan.TicksPerSecond)));
        assumed.AssumedRoleArn.Should().Be("arn:aws:sts::210987654321:assumed-role/configrules-member/configrules-lambda-timeout-check");
        assumed.Credentials.ToString().Should().NotContain(issued.SecretAccessKey).And.NotContain(issued.SessionToken);

        var request = Loopback.Server.RequestsFor("sts", "AssumeRole").Should().ContainSingle().Subject;
        request.Request.Form.Should().Contain(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole", ["Version"] = "2011-06-15", ["RoleArn"] = MemberRole,
            ["RoleSessionName"] = "configrules-lambda-timeout-check", ["DurationSeconds"] = "900",
        });
        request.AccessKeyId.Should().Be(LoopbackAwsServer.AccessKeyId, "the role is assumed with the function's own credentials");
    }

    [Test]
    public async Task GetCallerIdentity_names_the_account_of_the_credentials_that_signed()
    {
        Loopback.Server.Sts.AllowRole(MemberRole);
        var sts = StsClient.Create(Loopback.Context);

        var own = await sts.GetCallerIdentityAccountAsync(CancellationToken.None);
        var assumed = await sts.AssumeRoleAsync(MemberRole, "configrules-cli", 900, CancellationToken.None);
        var member = await StsClient.Create(Loopback.Context.WithCredentials(new StaticCredentialsProvider(assumed.Credentials)))
            .GetCallerIdentityAccountAsync(CancellationToken.None);

        own.Should().Be(FakeStsService.AccountId);
        member.Should().Be("210987654321");
        Loopback.Server.RequestsFor("sts", "GetCallerIdentity").Select(r => r.Request.Form).Should()
            .AllSatisfy(form => form.Should().Equal(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" }));
    }

    [TestCase("a")]
    [TestCase("has space")]
    [TestCase("this-session-name-is-much-too-long-for-sts-because-it-has-65-chars")]
    public async Task AssumeRole_refuses_a_session_name_STS_would_reject_before_calling(string sessionName)
    {
        var act = () => StsClient.Create(Loopback.Context).AssumeRoleAsync(MemberRole, sessionName, 900, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*role session name*");
        Loopback.Server.RequestsFor("sts").Should().BeEmpty();
    }

    [Test]
    public async Task Clients_over_the_assumed_role_sign_with_its_credentials_and_the_endpoint_accepts_them()
    {
        Loopback.Server.Sts.AllowRole(MemberRole);
        Loopback.Server.Config.Put("AWS::Lambda::Function", "orders-fn", new System.Text.Json.Nodes.JsonObject { ["runtime"] = "python3.12" });
        using var provider = new AssumeRoleCredentialsProvider(StsClient.Create(Loopback.Context), MemberRole, "configrules-test");
        var member = ConfigServiceClient.Create(Loopback.Context.WithCredentials(provider));

        var keys = new List<ResourceKey>();
        await foreach (var key in member.ListDiscoveredResourcesAsync("AWS::Lambda::Function", CancellationToken.None)) keys.Add(key);

        keys.Should().ContainSingle();
        var call = Loopback.Server.RequestsFor("config", "ListDiscoveredResources").Should().ContainSingle().Subject;
        call.Status.Should().Be(200);
        Loopback.Server.Sts.RoleOf(call.AccessKeyId).Should().Be(MemberRole);
    }

    [Test]
    public async Task The_provider_assumes_once_for_concurrent_callers_and_again_shortly_before_expiry()
    {
        Loopback.Server.Sts.AllowRole(MemberRole);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var provider = new AssumeRoleCredentialsProvider(StsClient.Create(Loopback.Context), MemberRole, "configrules-test", clock, durationSeconds: 900);

        var first = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetCredentialsAsync(CancellationToken.None).AsTask()));
        first.Select(c => c.AccessKeyId).Distinct().Should().ContainSingle();
        clock.Now = clock.Now.AddSeconds(900 - 301);
        (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKeyId.Should().Be(first[0].AccessKeyId);
        Loopback.Server.Sts.AssumeRoleCalls.Should().HaveCount(1);

        clock.Now = clock.Now.AddSeconds(2);   // now within five minutes of the expiry
        var renewed = await provider.GetCredentialsAsync(CancellationToken.None);

        renewed.AccessKeyId.Should().NotBe(first[0].AccessKeyId);
        Loopback.Server.Sts.AssumeRoleCalls.Should().HaveCount(2);
    }

    [Test]
    public async Task A_refused_AssumeRole_raises_a_typed_error_naming_the_role()
    {
        using var provider = new AssumeRoleCredentialsProvider(StsClient.Create(Loopback.Context), MemberRole, "configrules-test");

        var failure = (await provider.Invoking(p => p.GetCredentialsAsync(CancellationToken.None).AsTask())
            .Should().ThrowAsync<AssumeRoleFailedException>()).Which;

        failure.ErrorType.Should().Be("AssumeRoleFailedException");
        failure.StsErrorCode.Should().Be("AccessDenied");
        failure.Message.Should().Contain(MemberRole).And.NotContain(LoopbackAwsServer.SecretAccessKey).And.NotContain(LoopbackAwsServer.SessionToken);
        Loopback.Server.Sts.AssumeRoleCalls.Should().ContainSingle().Which.Granted.Should().BeFalse();
    }

    [Test]
    public async Task The_endpoint_refuses_credentials_STS_never_issued()
    {
        Loopback.Server.Sts.AllowRole(MemberRole);
        var assumed = await StsClient.Create(Loopback.Context).AssumeRoleAsync(MemberRole, "configrules-test", 900, CancellationToken.None);
        var forged = new AwsCredentials(assumed.Credentials.AccessKeyId, "not-the-issued-secret", assumed.Credentials.SessionToken);
        var client = ConfigServiceClient.Create(Loopback.Context.WithCredentials(new StaticCredentialsProvider(forged)));

        var act = async () => { await foreach (var _ in client.ListDiscoveredResourcesAsync("AWS::Lambda::Function", CancellationToken.None)) { } };

        (await act.Should().ThrowAsync<AwsServiceException>()).Which.ErrorCode.Should().Be("InvalidSignatureException");
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
