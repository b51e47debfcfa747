using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Templates.Tests;

/// <summary>The committed templates and docs tables are exactly what the catalog generates today.</summary>
public class GeneratorDriftTests
{
    private static readonly Lazy<IReadOnlyList<GeneratedFile>> Generated = new(() => TemplateSet.Generate(RepositoryPaths.Root));

    public static IEnumerable<string> GeneratedPaths => Generated.Value.Select(file => file.RelativePath);

    [TestCaseSource(nameof(GeneratedPaths))]
    public void Committed_file_matches_the_catalog(string relativePath)
    {
        var file = Generated.Value.Single(generated => generated.RelativePath == relativePath);
        var path = RepositoryPaths.InRepo(file.RelativePath.Split('/'));
        File.Exists(path).Should().BeTrue($"{file.RelativePath} is generated; run dotnet cake --target=GenerateTemplates");
        File.ReadAllText(path).Should().Be(file.Content, $"{file.RelativePath} drifted from the catalog; run dotnet cake --target=GenerateTemplates");
    }

    [Test]
    public void Every_catalog_iam_action_has_a_scope_and_a_purpose_in_the_deploy_doc()
    {
        var doc = File.ReadAllText(RepositoryPaths.InRepo("docs", "deploy.md"));
        foreach (var action in ConfigRules.Rules.RuleCatalog.Definitions.SelectMany(rule => rule.RequiredIamActions).Distinct())
        {
            var scope = IamActionScopes.For(action);
            scope.Purpose.Should().NotBeNullOrWhiteSpace();
            if (scope.IsUnscoped) scope.WhyUnscoped.Should().Contain(action);
            doc.Should().Contain($"`{action}`");
        }
    }

    [Test]
    public void An_action_without_a_scope_stops_generation()
    {
        var act = () => IamActionScopes.For("s3:GetObject");
        act.Should().Throw<InvalidOperationException>().WithMessage("*s3:GetObject*narrowest resource*");
    }
}
