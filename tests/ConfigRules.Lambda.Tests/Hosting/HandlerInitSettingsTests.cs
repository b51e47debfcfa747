using ConfigRules.Framework.Exemptions;
using ConfigRules.Hosting;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.Lambda.Tests.Hosting;

/// <summary>A handler's composition reads the runtime's environment, the in-memory one in tests, through one interface.</summary>
public sealed class HandlerInitSettingsTests
{
    private static HandlerInitContext Init(Dictionary<string, string?> variables) =>
        new("lambda-timeout-check", new InMemoryEnvironment(variables), TimeProvider.System, new RuntimeLogger(Stream.Null, TimeProvider.System));

    [Test]
    public void Settings_come_from_the_runtimes_environment_and_empty_reads_as_unset()
    {
        var init = Init(new() { ["AWS_REGION"] = "eu-west-1", ["CONFIGRULES_MEMBER_ROLE_NAME"] = "" });

        var variables = init.Variables();

        variables.Get("AWS_REGION").Should().Be("eu-west-1");
        variables.Get("CONFIGRULES_MEMBER_ROLE_NAME").Should().BeNull("an empty variable is an unset one");
        variables.Get("NOT_THERE").Should().BeNull();
    }

    [Test]
    public void A_setting_changed_in_the_runtimes_environment_is_read_by_the_libraries()
    {
        var init = Init(new());
        init.Environment.SetVariable(ExemptionsUri.Variable, "s3://exemptions-bucket/exemptions.yaml");

        ExemptionsUri.FromEnvironment(init.Variables()).Should().Be(new ExemptionsUri("exemptions-bucket", "exemptions.yaml"));
    }
}
