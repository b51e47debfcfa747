using System.Text.RegularExpressions;
using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Rules;
using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Rules.Tests.Catalog;

/// <summary>The catalog is the single source: the rule list, the folders and every README must agree with it.</summary>
public class RuleCatalogTests
{
    private static IEnumerable<string> RuleIds => RuleCatalog.Definitions.Select(d => d.Id);

    [Test]
    public void Every_rule_is_found_by_its_id_and_declares_one_definition_instance()
    {
        RuleIds.Should().OnlyHaveUniqueItems();
        RuleIds.Should().OnlyContain(id => Regex.IsMatch(id, "^[a-z0-9]+(-[a-z0-9]+)*$"),
            "a rule id is also a handler name, a folder name and a Config rule name");
        foreach (var rule in RuleCatalog.All)
        {
            rule.Definition.Should().BeSameAs(rule.Definition, "{0} declares its definition once, as data", rule.Definition.Id);
            RuleCatalog.Find(rule.Definition.Id).Should().BeSameAs(rule);
            RuleCatalog.FindDefinition(rule.Definition.Id).Should().BeSameAs(rule.Definition);
        }
        RuleCatalog.Find("no-such-rule").Should().BeNull();
    }

    [Test]
    public void Every_rule_folder_declares_the_id_it_is_named_after()
    {
        foreach (var id in RuleIds)
        {
            var declarations = Directory.GetFiles(RepositoryPaths.InRepo("rules", id), "*Definition.cs")
                .Where(file => File.ReadAllText(file).Contains($"Id = \"{id}\"", StringComparison.Ordinal));
            declarations.Should().ContainSingle($"rules/{id}/ holds the definition of {id}");
        }
    }

    [Test]
    public void The_readme_rule_table_lists_exactly_the_catalog_rules_with_links_to_their_folders()
    {
        var rows = File.ReadLines(RepositoryPaths.InRepo("README.md"))
            .Select(line => Regex.Match(line, @"^\| \[`(?<id>[a-z0-9-]+)`\]\((?<link>[^)]+)\)"))
            .Where(match => match.Success)
            .ToList();
        rows.Select(row => row.Groups["id"].Value).Should().BeEquivalentTo(RuleIds);
        rows.Should().OnlyContain(row => row.Groups["link"].Value == $"rules/{row.Groups["id"].Value}/README.md");
    }

    [Test]
    public void The_catalog_holds_the_contracts_rules()
    {
        RuleIds.Should().Equal(
            "lambda-runtime-check", "lambda-handler-name-check", "lambda-code-size-check", "lambda-memory-size-check",
            "lambda-timeout-check", "lambda-concurrency-check", "lambda-execution-role-check", "api-gateway-endpoint-type-check",
            "api-gateway-stage-waf-check", "api-gateway-stage-logging-check", "lambda-public-access-check",
            "lambda-error-alarm-check", "cloudtrail-serverless-audit-check");
        RuleCatalog.Definitions.Where(d => d.Id != "cloudtrail-serverless-audit-check").Should().OnlyContain(d => d.Triggers == RuleTriggers.Both);
        RuleCatalog.FindDefinition("cloudtrail-serverless-audit-check")!.Triggers.Should().Be(RuleTriggers.Periodic);
    }

    [Test]
    public void Every_rule_folder_is_a_catalog_rule_with_a_readme()
    {
        var folders = Directory.GetDirectories(RepositoryPaths.InRepo("rules"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj"))
            .ToArray();
        folders.Should().BeEquivalentTo(RuleIds);
        foreach (var id in RuleIds)
            File.Exists(RepositoryPaths.InRepo("rules", id, "README.md")).Should().BeTrue($"rules/{id}/README.md documents the rule");
    }

    [Test]
    public void Every_rule_parses_its_catalog_defaults()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var parse = () => rule.ParseParameters(new Dictionary<string, string>());
            parse.Should().NotThrow($"{rule.Definition.Id}'s defaults must be valid");
            foreach (var parameter in rule.Definition.Parameters.Where(p => p.Default is not null))
            {
                var explicitDefault = () => rule.ParseParameters(new Dictionary<string, string> { [parameter.Name] = parameter.Default! });
                explicitDefault.Should().NotThrow($"{rule.Definition.Id}.{parameter.Name} default '{parameter.Default}' must be accepted when given explicitly");
            }
        }
    }

    public static IEnumerable<TestCaseData> Definitions() =>
        RuleCatalog.Definitions.Select(d => new TestCaseData(d).SetArgDisplayNames(d.Id));

    [TestCaseSource(nameof(Definitions))]
    public void The_readme_agrees_with_the_catalog(RuleDefinition definition)
    {
        var readme = RuleReadme.Read(RepositoryPaths.InRepo("rules", definition.Id, "README.md"));
        readme.Heading.Should().Be(definition.Id);
        readme.FirstParagraph.Should().Be(definition.Title + ".");
        readme.ResourceTypes.Should().BeEquivalentTo(definition.ResourceTypes);
        readme.Severity.Should().Be(definition.Severity.ToString());
        readme.Parameters.Select(p => p.Name).Should().Equal(definition.Parameters.Select(p => p.Name), "the README lists every parameter, in catalog order");
        foreach (var (name, type, defaultValue) in readme.Parameters)
        {
            var parameter = definition.FindParameter(name)!;
            type.Should().Be(TypeWord(parameter.Kind), $"{definition.Id}.{name}'s type");
            defaultValue.Should().Be(parameter.Default ?? "(none)", $"{definition.Id}.{name}'s default");
        }
        readme.IamActions.Should().Equal(definition.RequiredIamActions, "the README lists exactly the actions the function's role needs");
    }

    [TestCaseSource(nameof(Definitions))]
    public void The_readmes_example_annotations_fit(RuleDefinition definition)
    {
        var readme = RuleReadme.Read(RepositoryPaths.InRepo("rules", definition.Id, "README.md"));
        readme.ExampleAnnotations.Should().NotBeEmpty();
        readme.ExampleAnnotations.Should().OnlyContain(a => a.Length <= Annotation.MaxLength && Annotation.Fit(a) == a);
    }

    /// <summary>How READMEs name parameter kinds.</summary>
    public static string TypeWord(ParameterKind kind) => kind switch
    {
        ParameterKind.StringList => "list",
        ParameterKind.Integer => "integer",
        ParameterKind.Boolean => "boolean",
        ParameterKind.Regex => "regular expression",
        _ => "text",
    };
}
