using NUnit.Framework;

namespace ConfigRules.Testing;

/// <summary>
/// Reference tests read <c>../shared</c>, which CI has and a user's clone does not. They belong to the NUnit
/// category <c>Reference</c> and are ignored, with the reason, where the kit is absent.
/// </summary>
public static class ReferenceKit
{
    public const string Category = "Reference";

    /// <summary>The path of a file or folder in the kit; marks the test ignored when the kit is absent.</summary>
    public static string Require(params string[] parts)
    {
        var kit = RepositoryPaths.ReferenceKit;
        if (kit is null)
            Assert.Ignore("The reference kit ../shared is not beside this checkout; reference tests run where it is (CI).");
        var path = Path.Combine([kit!, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
            Assert.Ignore($"The reference kit has no {Path.Combine(parts)}.");
        return path;
    }

    /// <summary>For TestCaseSource: entries of a kit folder, or none where the kit is absent.</summary>
    public static IEnumerable<string> ListOrEmpty(string folder, string pattern = "*", bool directories = false)
    {
        var kit = RepositoryPaths.ReferenceKit;
        if (kit is null) return [];
        var path = Path.Combine(kit, folder);
        if (!Directory.Exists(path)) return [];
        return (directories ? Directory.GetDirectories(path, pattern) : Directory.GetFiles(path, pattern))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
    }
}
