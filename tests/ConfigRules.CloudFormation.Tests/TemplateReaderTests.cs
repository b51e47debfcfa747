using System.Text.Json;

namespace ConfigRules.CloudFormation.Tests;

/// <summary>Templates mapped to configuration items: SAM Globals, intrinsics resolved with defaults, unknowns noted, lines kept.</summary>
[TestFixture]
public sealed class TemplateReaderTests
{
    private static Dictionary<string, TemplateItem> Read(string file)
    {
        var path = Fixtures.Template(file);
        return TemplateReader.Read(TemplateDocument.Load(path, File.ReadAllText(path))).ToDictionary(i => i.Item.ResourceId);
    }

    [Test]
    public void Sam_globals_and_intrinsics_resolve_with_parameter_defaults()
    {
        var orders = Read("sam-app.yaml")["OrdersFunction"];
        var configuration = orders.Item.Configuration;

        orders.Item.ResourceType.Should().Be("AWS::Lambda::Function");
        configuration.GetStringOrNull("functionName").Should().Be("orders-prod"); // !Sub with ${Stage}
        configuration.GetStringOrNull("runtime").Should().Be("python3.13"); // Globals: !Ref PythonRuntime
        configuration.GetProperty("memorySize").GetInt64().Should().Be(512); // Globals: !Ref FunctionMemory
        configuration.GetProperty("timeout").GetInt64().Should().Be(30); // !FindInMap with !Ref Stage
        configuration.GetStringOrNull("packageType").Should().Be("Zip");
        orders.Item.SupplementaryConfiguration["Concurrency"].GetProperty("reservedConcurrentExecutions").GetInt64().Should().Be(25); // !If IsProd
    }

    [Test]
    public void Values_known_only_at_deployment_are_noted_not_guessed()
    {
        var items = Read("sam-app.yaml");
        var orders = items["OrdersFunction"];
        // OrdersRole is defined by the template: judged from it, under the ARN deployment will replace.
        orders.Item.Configuration.GetProperty("role").GetString().Should().Be("arn:aws:iam::deployment:role/OrdersRole");
        orders.Unknowns.Should().NotContainKey("role");
        orders.Unknowns["layers"].Should().Contain("${AWS::Region}");
        orders.Unknowns["codeSize"].Should().StartWith("CodeSize is not known before deployment");
        orders.Unknowns.Should().NotContainKey("supplementaryConfiguration.Policy", "the Api event's permission is modelled as SAM creates it");
        items["ReportFunction"].Item.SupplementaryConfiguration.Should().NotContainKey("Policy", "nothing grants access to it");
        items["ReportFunction"].Unknowns["role"].Should().Contain("!Ref ExistingRoleArn, a parameter without a Default");
    }

    [Test]
    public void Resource_values_win_over_globals()
    {
        var report = Read("sam-app.yaml")["ReportFunction"].Item.Configuration;
        report.GetStringOrNull("runtime").Should().Be("python3.7");
        report.GetProperty("memorySize").GetInt64().Should().Be(4096);
        report.GetProperty("timeout").GetInt64().Should().Be(900);
    }

    [Test]
    public void Serverless_apis_explicit_and_implicit_take_their_endpoint_types()
    {
        var items = Read("sam-app.yaml");
        Types(items["PrivateApi"]).Should().Equal("PRIVATE");
        Types(items[TemplateReader.ImplicitApiLogicalId]).Should().Equal("REGIONAL"); // Globals.Api, for the GetOrders Api event
        items["PrivateApi"].Item.ResourceType.Should().Be("AWS::ApiGateway::RestApi");
    }

    [Test]
    public void Items_carry_the_template_file_and_the_resource_line()
    {
        var path = Fixtures.Template("sam-app.yaml");
        var lines = File.ReadAllLines(path);
        var items = Read("sam-app.yaml");
        foreach (var item in items.Values.Where(i => i.Item.ResourceId != TemplateReader.ImplicitApiLogicalId && i.Item.ResourceType != "AWS::ApiGateway::Stage"))
        {
            item.Item.Source!.File.Should().Be(path);
            lines[item.Item.Source.Line!.Value - 1].Trim().Should().Be(item.Item.ResourceId + ":");
        }
        // The stage SAM creates for an API points at the API that declares it.
        lines[items["PrivateApiprodStage"].Item.Source!.Line!.Value - 1].Trim().Should().Be("PrivateApi:");
    }

    [Test]
    public void Json_templates_with_tabs_and_long_form_intrinsics_are_read()
    {
        var items = Read("cfn-api.json");
        Types(items["PublicApi"]).Should().Equal("EDGE"); // {"Ref": EndpointType} default
        items["PublicApi"].Item.Configuration.GetStringOrNull("name").Should().Be("public-api"); // Fn::Join
        Types(items["InternalApi"]).Should().Equal("PRIVATE");
        var worker = items["Worker"].Item.Configuration;
        worker.GetProperty("memorySize").GetInt64().Should().Be(128, "Lambda's default applies when MemorySize is absent");
        worker.GetProperty("timeout").GetInt64().Should().Be(3);
        worker.GetStringOrNull("role").Should().Be("arn:aws:iam::123456789012:role/worker-role");
        items["Worker"].Item.Source!.Line.Should().Be(21);
    }

    [Test]
    public void A_reference_to_nothing_is_an_error_with_file_and_line()
    {
        var act = () => TemplateReader.Read(TemplateDocument.Load("bad.yaml", """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: !Ref Nowhere
            """));
        act.Should().Throw<TemplateException>().Which.Message.Should().Be("bad.yaml:5: refers to 'Nowhere', which is neither a parameter, a pseudo parameter nor a resource of the template.");
    }

    [Test]
    public void Invalid_yaml_names_the_line()
    {
        var act = () => TemplateDocument.Load("bad.yaml", "Resources:\n  Fn:\n    Type: [unclosed\n");
        act.Should().Throw<TemplateException>().Which.Line.Should().BeGreaterThan(1);
    }

    private static IEnumerable<string> Types(TemplateItem item) =>
        item.Item.Configuration.GetProperty("endpointConfiguration").GetProperty("types").EnumerateArray().Select(t => t.GetString()!);
}
