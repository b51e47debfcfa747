using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Templates.Tests;

/// <summary>The deploy stack's exemptions document: where it is, who is told, and who may read it (exactly that object).</summary>
public class ExemptionsStackTests
{
    private static Dictionary<string, object?> Stack => CommittedTemplates.Load(TemplateSet.DeployStack);

    private static IEnumerable<string> ExemptibleRules => RuleCatalog.Definitions.Where(rule => rule.Exemptible).Select(rule => rule.Id);

    /// <summary>The roles that read the document: the exemptible rules' and the deployment hook's (it applies it to every rule).</summary>
    private static IEnumerable<object> ReaderRoles =>
        ExemptibleRules.Select(rule => Cfn.Ref(Naming.Pascal(rule) + "Role")).Append(Cfn.Ref("CloudformationHookRole"));

    private static Dictionary<string, object?> Resource(string logicalId) => Stack.Map("Resources").Map(logicalId);

    [Test]
    public void The_document_location_is_a_parameter_and_empty_means_no_exemptions()
    {
        var parameters = Stack.Map("Parameters");
        parameters.Map("ExemptionsBucket").Str("Default").Should().BeEmpty();
        parameters.Map("ExemptionsKey").Str("Default").Should().Be("exemptions.yaml");
        parameters.Map("ExemptionsKmsKeyArn").Str("Default").Should().BeEmpty();
        Stack.Map("Conditions").Get("HasExemptions").Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["Fn::Not"] = new List<object?> { new Dictionary<string, object?> { ["Fn::Equals"] = new List<object?> { "", Cfn.Ref("ExemptionsBucket") } } },
        });
    }

    [TestCaseSource(nameof(ExemptibleRules))]
    public void An_exemptible_rule_function_is_told_the_uri_when_there_is_a_document(string rule)
    {
        var variables = Resource(Naming.Pascal(rule) + "Function").Map("Properties").Map("Environment").Map("Variables");

        variables.Get("CONFIGRULES_EXEMPTIONS_URI").Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["Fn::If"] = new List<object?>
            {
                "HasExemptions",
                new Dictionary<string, object?>
                {
                    ["Fn::Join"] = new List<object?> { "", new List<object?> { "s3://", Cfn.Ref("ExemptionsBucket"), "/", Cfn.Ref("ExemptionsKey") } },
                },
                Cfn.Ref("AWS::NoValue"),
            },
        });
    }

    [Test]
    public void The_exemptible_rules_roles_may_get_exactly_that_object_and_only_with_a_bucket()
    {
        var policy = Resource("ReadExemptionsDocumentPolicy");
        policy.Str("Type").Should().Be("AWS::IAM::Policy");
        policy.Str("Condition").Should().Be("HasExemptions", "without a bucket no role may read anything");
        var properties = policy.Map("Properties");
        properties.List("Roles").Should().BeEquivalentTo(ReaderRoles);
        var statement = properties.Map("PolicyDocument").List("Statement").Should().ContainSingle().Subject;
        Cfn.AsList(statement.Get("Action")).Should().Equal("s3:GetObject");
        statement.Get("Resource").Should().BeEquivalentTo(
            new Dictionary<string, object?> { ["Fn::Sub"] = "arn:${AWS::Partition}:s3:::${ExemptionsBucket}/${ExemptionsKey}" });
        statement.Get("Condition").Should().BeNull();
    }

    [Test]
    public void The_bucket_key_decrypts_only_through_S3_and_only_when_given()
    {
        var policy = Resource("DecryptExemptionsDocumentPolicy");
        policy.Str("Condition").Should().Be("HasExemptionsKmsKey");
        var properties = policy.Map("Properties");
        properties.List("Roles").Should().BeEquivalentTo(ReaderRoles);
        var statement = properties.Map("PolicyDocument").List("Statement").Should().ContainSingle().Subject;
        Cfn.AsList(statement.Get("Action")).Should().Equal("kms:Decrypt");
        statement.Get("Resource").Should().BeEquivalentTo(Cfn.Ref("ExemptionsKmsKeyArn"));
        statement.Map("Condition").Map("StringEquals").Get("kms:ViaService").Should().BeEquivalentTo(
            new Dictionary<string, object?> { ["Fn::Sub"] = "s3.${AWS::Region}.amazonaws.com" });
    }

    [Test]
    public void A_rule_that_cannot_be_exempted_is_neither_told_nor_given_the_read()
    {
        var definition = RuleCatalog.Definitions[0] with { Exemptible = false };
        var handler = new HandlerSpec(definition.Id, definition.Title, definition.RequiredIamActions, definition);
        var resources = new Yaml.YamlMap();

        ExemptionsResources.WithVariable(new Yaml.YamlMap(), handler).Entries.Should().BeEmpty();
        ExemptionsResources.AddResources(resources, [handler]);

        resources.Entries.Should().BeEmpty("no role is given the read when no rule may be exempted");
    }
}
