using ConfigRules.Aws.Endpoints;
using FluentAssertions;
using NUnit.Framework;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Aws.Tests.Endpoints;

public sealed class EndpointResolutionTests
{
    private static AwsEndpointResolver Resolver(params (string Name, string Value)[] variables) =>
        new(new DictionaryEnvironmentVariables(variables.ToDictionary(v => v.Name, v => v.Value)));

    [TestCase("Config", "https://config.eu-west-1.amazonaws.com/")]
    [TestCase("Lambda", "https://lambda.eu-west-1.amazonaws.com/")]
    [TestCase("ApiGateway", "https://apigateway.eu-west-1.amazonaws.com/")]
    [TestCase("Sns", "https://sns.eu-west-1.amazonaws.com/")]
    [TestCase("Sts", "https://sts.eu-west-1.amazonaws.com/")]
    public void Regional_services_default_to_the_public_regional_endpoint(string service, string expected)
    {
        var endpoint = Resolver().Resolve(Service(service), "eu-west-1");
        endpoint.BaseUri.Should().Be(new Uri(expected));
        endpoint.SigningRegion.Should().Be("eu-west-1");
    }

    [TestCase("eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [TestCase("us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    [TestCase("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    public void IAM_is_global_and_signed_for_its_partitions_home_region(string region, string url, string signingRegion)
    {
        var endpoint = Resolver().Resolve(AwsService.Iam, region);
        endpoint.BaseUri.Should().Be(new Uri(url));
        endpoint.SigningRegion.Should().Be(signingRegion);
        endpoint.SigningName.Should().Be("iam");
    }

    [Test]
    public void China_regions_use_the_cn_dns_suffix() =>
        Resolver().Resolve(AwsService.Config, "cn-north-1").BaseUri.Should().Be(new Uri("https://config.cn-north-1.amazonaws.com.cn/"));

    [TestCase("Config", "AWS_ENDPOINT_URL_CONFIG_SERVICE")]
    [TestCase("Lambda", "AWS_ENDPOINT_URL_LAMBDA")]
    [TestCase("Iam", "AWS_ENDPOINT_URL_IAM")]
    [TestCase("ApiGateway", "AWS_ENDPOINT_URL_API_GATEWAY")]
    [TestCase("Sns", "AWS_ENDPOINT_URL_SNS")]
    [TestCase("Sts", "AWS_ENDPOINT_URL_STS")]
    public void The_service_variable_wins_over_the_general_one(string service, string variable)
    {
        var endpoint = Resolver((variable, "http://127.0.0.1:9001"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:9000")).Resolve(Service(service), "us-west-2");
        endpoint.BaseUri.Should().Be(new Uri("http://127.0.0.1:9001/"));
    }

    [Test]
    public void The_general_variable_applies_to_services_without_their_own()
    {
        var resolver = Resolver(("AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:9001"), ("AWS_ENDPOINT_URL", "http://localhost:9000/base"));
        resolver.Resolve(AwsService.Config, "us-west-2").BaseUri.Should().Be(new Uri("http://localhost:9000/base/"));
        resolver.Resolve(AwsService.Config, "us-west-2").SigningRegion.Should().Be("us-west-2");
        resolver.Resolve(AwsService.Iam, "us-west-2").SigningRegion.Should().Be("us-east-1");
    }

    [TestCase("not a url")]
    [TestCase("ftp://example.com")]
    [TestCase("https://example.com/?a=b")]
    public void A_bad_override_names_the_variable_and_what_it_accepts(string value) =>
        FluentActions.Invoking(() => Resolver(("AWS_ENDPOINT_URL_SNS", value)).Resolve(AwsService.Sns, "us-east-1"))
            .Should().Throw<AwsConfigurationException>().WithMessage("*AWS_ENDPOINT_URL_SNS*");

    [Test]
    public void Region_comes_from_AWS_REGION_then_AWS_DEFAULT_REGION()
    {
        AwsRegionResolver.Resolve(Env(("AWS_REGION", "eu-central-1"), ("AWS_DEFAULT_REGION", "us-east-1"))).Should().Be("eu-central-1");
        AwsRegionResolver.Resolve(Env(("AWS_DEFAULT_REGION", "ap-south-1"))).Should().Be("ap-south-1");
    }

    [Test]
    public void A_missing_region_is_a_clear_error()
    {
        var thrown = FluentActions.Invoking(() => AwsRegionResolver.Resolve(Env())).Should().Throw<AwsConfigurationException>().Which;
        thrown.Message.Should().Contain("AWS_REGION").And.Contain("AWS_DEFAULT_REGION");
        thrown.ErrorType.Should().Be("AwsConfigurationException");
    }

    [Test]
    public void A_malformed_region_is_refused() =>
        FluentActions.Invoking(() => AwsRegionResolver.Resolve(Env(("AWS_REGION", "US East 1")))).Should().Throw<AwsConfigurationException>()
            .WithMessage("*us-east-1*");

    private static DictionaryEnvironmentVariables Env(params (string Name, string Value)[] variables) =>
        new(variables.ToDictionary(v => v.Name, v => v.Value));

    private static AwsService Service(string name) => name switch
    {
        "Config" => AwsService.Config,
        "Lambda" => AwsService.Lambda,
        "Iam" => AwsService.Iam,
        "ApiGateway" => AwsService.ApiGateway,
        "Sns" => AwsService.Sns,
        "Sts" => AwsService.Sts,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
