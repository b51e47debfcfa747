namespace ConfigRules.CloudFormation.Tests.Mappings;

/// <summary>Alarms and trails in the shape the alarm and CloudTrail rules read (Config's camelCase).</summary>
[TestFixture]
public sealed class AlarmAndTrailMappingTests
{
    [Test]
    public void An_alarm_dimension_referring_to_a_function_names_it_as_its_item_does()
    {
        var items = TemplateText.Read($$"""
            Resources:
              Named:
                Type: AWS::Lambda::Function
                Properties: { FunctionName: orders, Runtime: python3.13, Handler: a.h, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } }
              Unnamed:
                Type: AWS::Serverless::Function
                Properties: { Runtime: python3.13, Handler: a.h, CodeUri: src }
              Topic:
                Type: AWS::SNS::Topic
              Direct:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Dimensions: [{ Name: FunctionName, Value: !Ref Named }]
                  Threshold: 1
                  AlarmActions: [!Ref Topic]
              Rate:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: unnamed-error-rate
                  Threshold: 0.05
                  Metrics: {{TemplateSnippets.ErrorRateMetrics("!Ref Unnamed", "!Ref Unnamed")}}
            """);

        var direct = items["Direct"].Item;
        direct.ResourceType.Should().Be("AWS::CloudWatch::Alarm");
        direct.Configuration.GetStringOrNull("alarmName").Should().Be("Direct");
        direct.Configuration.GetProperty("dimensions")[0].GetStringOrNull("value").Should().Be("orders");
        direct.Configuration.GetProperty("alarmActions")[0].GetString().Should().Be("${Topic}", "the action is there, its ARN comes at deployment");
        direct.Configuration.GetStringOrNull("threshold").Should().Be("1");

        var rate = items["Rate"].Item.Configuration;
        rate.GetStringOrNull("alarmName").Should().Be("unnamed-error-rate");
        rate.GetProperty("metrics")[1].GetProperty("metricStat").GetProperty("metric").GetProperty("dimensions")[0].GetStringOrNull("value")
            .Should().Be("Unnamed", "a function without a FunctionName is named by its logical id, as its item is");
        rate.GetProperty("metrics")[0].GetStringOrNull("expression").Should().Be("errors / invocations");
    }

    [Test]
    public void A_function_dimension_only_deployment_decides_is_kept_without_its_value_and_noted()
    {
        var items = TemplateText.Read($$"""
            Parameters:
              Watched: { Type: String }
            Resources:
              Known:
                Type: AWS::Lambda::Function
                Properties: { FunctionName: orders, Runtime: python3.13, Handler: a.h, Role: arn:aws:iam::123456789012:role/r, Code: { ZipFile: x } }
              Imported:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Dimensions: [{ Name: FunctionName, Value: !ImportValue shared-function-name }]
                  Threshold: 1
              Rate:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Threshold: 0.05
                  Metrics: {{TemplateSnippets.ErrorRateMetrics("!Ref Watched", "!Ref Known")}}
            """);

        var imported = items["Imported"];
        var dimension = imported.Item.Configuration.GetProperty("dimensions")[0];
        dimension.GetStringOrNull("name").Should().Be("FunctionName");
        dimension.TryGetProperty("value", out _).Should().BeFalse("only deployment tells which function it is");
        imported.Item.Configuration.GetStringOrNull("metricName").Should().Be("Errors", "the rest of the alarm is still read");
        imported.Unknowns["dimensions"].Should().Be(
            "the FunctionName dimension of Dimensions is not known before deployment: it is !ImportValue, resolved only at deployment.");

        var rate = items["Rate"];
        var metrics = rate.Item.Configuration.GetProperty("metrics");
        metrics[1].GetProperty("metricStat").GetProperty("metric").GetProperty("dimensions")[0].TryGetProperty("value", out _).Should().BeFalse();
        metrics[2].GetProperty("metricStat").GetProperty("metric").GetProperty("dimensions")[0].GetStringOrNull("value")
            .Should().Be("orders", "a function of the template keeps its name");
        rate.Unknowns["metrics"].Should().Be(
            "the FunctionName dimension of Metrics[errors].MetricStat.Metric.Dimensions is not known before deployment: it is !Ref Watched, a parameter without a Default.");
    }

    [Test]
    public void A_trail_keeps_its_logging_regions_selectors_and_insights()
    {
        var trail = TemplateText.Read("""
            Resources:
              Audit:
                Type: AWS::CloudTrail::Trail
                Properties:
                  TrailName: audit
                  S3BucketName: audit-logs
                  IsLogging: true
                  IsMultiRegionTrail: true
                  EnableLogFileValidation: true
                  EventSelectors:
                    - ReadWriteType: All
                      DataResources: [{ Type: AWS::Lambda::Function, Values: [arn:aws:lambda] }]
                  AdvancedEventSelectors:
                    - Name: s3
                      FieldSelectors: [{ Field: eventCategory, Equals: [Data] }, { Field: resources.type, Equals: [AWS::S3::Object] }]
                  InsightSelectors: [{ InsightType: ApiCallRateInsight }, { InsightType: ApiErrorRateInsight }]
            """)["Audit"];

        var configuration = trail.Item.Configuration;
        trail.Item.ResourceType.Should().Be("AWS::CloudTrail::Trail");
        trail.Item.ResourceName.Should().Be("audit");
        configuration.GetProperty("isLogging").GetBoolean().Should().BeTrue();
        configuration.GetProperty("isMultiRegionTrail").GetBoolean().Should().BeTrue();
        configuration.GetProperty("logFileValidationEnabled").GetBoolean().Should().BeTrue();
        configuration.GetProperty("eventSelectors")[0].GetProperty("dataResources")[0].GetStringOrNull("type").Should().Be("AWS::Lambda::Function");
        configuration.GetProperty("advancedEventSelectors")[0].GetProperty("fieldSelectors")[1].GetProperty("equals")[0].GetString().Should().Be("AWS::S3::Object");
        configuration.GetProperty("insightSelectors")[1].GetStringOrNull("insightType").Should().Be("ApiErrorRateInsight");
    }

    [Test]
    public void A_trail_without_selectors_records_management_events_only_and_defaults_apply()
    {
        var trail = TemplateText.Read("""
            Parameters:
              Logging: { Type: String, AllowedValues: ['true', 'false'] }
            Resources:
              Plain:
                Type: AWS::CloudTrail::Trail
                Properties: { S3BucketName: logs, IsLogging: !Ref Logging }
            """)["Plain"];

        var configuration = trail.Item.Configuration;
        configuration.GetProperty("isMultiRegionTrail").GetBoolean().Should().BeFalse();
        configuration.GetProperty("logFileValidationEnabled").GetBoolean().Should().BeFalse();
        configuration.GetProperty("eventSelectors").GetArrayLength().Should().Be(0);
        configuration.GetProperty("insightSelectors").GetArrayLength().Should().Be(0);
        trail.Unknowns["isLogging"].Should().Be("IsLogging is not known before deployment: it is !Ref Logging, a parameter without a Default.");
    }

    [Test]
    public void Sub_and_join_of_template_resources_keep_a_symbol_of_what_they_name()
    {
        var document = TemplateDocument.Load("t.yaml", """
            Resources:
              Api: { Type: AWS::ApiGateway::RestApi }
            """);
        var resolver = new IntrinsicResolver(document);
        var sub = TemplateDocument.Load("v.yaml", "Value: !Sub 'arn:${AWS::Partition}:execute-api:${Api}/${!Literal}/${Api.RootResourceId}'");
        var value = (UnknownValue)resolver.Resolve(sub.Root.Children.Values.First())!;
        value.Symbol.Should().Be("arn:${AWS::Partition}:execute-api:${Api}/${!Literal}/${Api.RootResourceId}");
        value.Reason.Should().Contain("${AWS::Partition} is unknown");
    }
}
