namespace ConfigRules.Testing;

/// <summary>Locates the repository root and the reference kit (<c>../shared</c>) beside the checkout.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding ConfigRules.sln.</summary>
    public static string Root => RootLazy.Value;

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The reference kit beside the checkout, or null where it is absent (a user's clone).</summary>
    public static string? ReferenceKit
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("CONFIGRULES_REFERENCE_KIT");
            if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment)) return fromEnvironment;
            var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return File.Exists(Path.Combine(beside, "CONTRACT.md")) ? beside : null;
        }
    }

    /// <summary>The Native AOT bootstrap that the build publishes before the tests run.</summary>
    public static string Bootstrap =>
        Environment.GetEnvironmentVariable("CONFIGRULES_BOOTSTRAP") is { Length: > 0 } path
            ? path
            : InRepo("artifacts", "lambda", "bootstrap");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConfigRules.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"ConfigRules.sln not found above {AppContext.BaseDirectory}.");
    }
}
