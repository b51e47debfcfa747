using ConfigRules.Aws.Credentials;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Credentials;

/// <summary>The standard chain through AWSSDK.Core, read from environment variables as in Lambda.</summary>
[NonParallelizable]
public sealed class CredentialChainTests
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"];
    private Dictionary<string, string?> _saved = null!;

    [SetUp]
    public void SaveEnvironment() => _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    [TearDown]
    public void RestoreEnvironment()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }

    [Test]
    public async Task Environment_variables_with_a_session_token_are_found()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIAENVEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "env/secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "env-session-token");
        using var provider = new DefaultChainCredentialsProvider();

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        credentials.AccessKeyId.Should().Be("ASIAENVEXAMPLE");
        credentials.SecretAccessKey.Should().Be("env/secret");
        credentials.SessionToken.Should().Be("env-session-token");
    }

    [Test]
    public async Task Long_term_keys_have_no_session_token()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAENVEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "env/secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        using var provider = new DefaultChainCredentialsProvider();

        (await provider.GetCredentialsAsync(CancellationToken.None)).SessionToken.Should().BeNull();
    }

    [Test]
    public async Task The_chain_is_walked_once_and_then_asked_for_current_credentials_each_time()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIAFIRST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "first");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "token-1");
        using var provider = new DefaultChainCredentialsProvider();
        await provider.GetCredentialsAsync(CancellationToken.None);

        // Environment credentials are re-read by the resolved source: a rotated token is picked up without re-resolving.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIASECOND");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "second");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "token-2");
        var rotated = await provider.GetCredentialsAsync(CancellationToken.None);

        rotated.AccessKeyId.Should().Be("ASIASECOND");
        rotated.SessionToken.Should().Be("token-2");
    }
}
