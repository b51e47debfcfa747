using ConfigRules.Framework.Exemptions;
using FluentAssertions;
using NUnit.Framework;
using ConfigRules.Testing;

namespace ConfigRules.Framework.Tests.Exemptions;

public class ExemptionsUriTests
{
    [Test]
    public void Reads_bucket_and_key()
    {
        var uri = ExemptionsUri.Parse("s3://governance-bucket/config/exemptions.yaml");

        uri.Should().Be(new ExemptionsUri("governance-bucket", "config/exemptions.yaml"));
        uri.ToString().Should().Be("s3://governance-bucket/config/exemptions.yaml");
    }

    [TestCase(null)]
    [TestCase("  ")]
    public void Unset_means_no_exemptions(string? value)
    {
        ExemptionsUri.FromEnvironment(TestEnvironment.With(ExemptionsUri.Variable, value)).Should().BeNull();
    }

    [TestCase("https://bucket/key")]
    [TestCase("s3://bucket")]
    [TestCase("s3://bucket/")]
    [TestCase("s3:///key")]
    public void Anything_but_an_s3_object_uri_is_refused_naming_the_variable(string value)
    {
        FluentActions.Invoking(() => ExemptionsUri.FromEnvironment(TestEnvironment.With(ExemptionsUri.Variable, value))).Should().Throw<InvalidExemptionsException>()
            .WithMessage($"*'{value}' (CONFIGRULES_EXEMPTIONS_URI)*expected s3://<bucket>/<key>*");
    }
}
