namespace ConfigRules.CloudFormation.Tests.Support;

/// <summary>Reads a template written in the test, by logical id.</summary>
public static class TemplateText
{
    public static Dictionary<string, TemplateItem> Read(string yaml, TemplateScope scope = TemplateScope.WholeTemplate) =>
        TemplateReader.Read(TemplateDocument.Load("template.yaml", yaml), scope).ToDictionary(i => i.Item.ResourceId, StringComparer.Ordinal);
}
