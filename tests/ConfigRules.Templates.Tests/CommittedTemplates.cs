using ConfigRules.Testing;

namespace ConfigRules.Templates.Tests;

/// <summary>The committed templates, read once.</summary>
public static class CommittedTemplates
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal);

    public static string Text(string relativePath)
    {
        lock (Texts)
        {
            if (!Texts.TryGetValue(relativePath, out var text))
                Texts[relativePath] = text = File.ReadAllText(RepositoryPaths.InRepo(relativePath.Split('/')));
            return text;
        }
    }

    public static Dictionary<string, object?> Load(string relativePath) => CfnYaml.Parse(Text(relativePath));

    public static IEnumerable<string> Packs => TemplateSet.ConformancePacks;

    public static IEnumerable<string> Stacks => [TemplateSet.DeployStack, TemplateSet.OrganizationRollout, TemplateSet.MemberRole, TemplateSet.MemberHook];

    public static IEnumerable<string> All => [.. Packs, .. Stacks];
}
