namespace ConfigRules.CloudFormation.Tests.Support;

/// <summary>Reads a template written in the test, or one of the fixtures, by logical id.</summary>
public static class TemplateText
{
    public static Dictionary<string, TemplateItem> Read(string yaml, TemplateScope scope = TemplateScope.WholeTemplate) =>
        Read("template.yaml", yaml, scope);

    /// <summary>A template of <c>Fixtures/templates</c>.</summary>
    public static Dictionary<string, TemplateItem> ReadFixture(string name) =>
        Read(name, File.ReadAllText(Fixtures.Template(name)), TemplateScope.WholeTemplate);

    private static Dictionary<string, TemplateItem> Read(string file, string text, TemplateScope scope) =>
        TemplateReader.Read(TemplateDocument.Load(file, text), scope).ToDictionary(i => i.Item.ResourceId, StringComparer.Ordinal);
}
