using ConfigRules.Testing;
using NUnit.Framework;

namespace ConfigRules.Sdk.Tests;

/// <summary>The packages `dotnet cake --target=Package` (and Test, before the tests) writes to artifacts/nuget.</summary>
internal static class PackageFeed
{
    public static readonly string[] AuthorPackages = ["ConfigRules.Sdk", "ConfigRules.Testing", "ConfigRules.Templates"];

    public static string Directory =>
        Environment.GetEnvironmentVariable("CONFIGRULES_NUGET") is { Length: > 0 } path ? path : RepositoryPaths.InRepo("artifacts", "nuget");

    /// <summary>The feed folder; fails the test with how to produce it when a package is missing.</summary>
    public static string Require()
    {
        var missing = AuthorPackages.Where(id => Find(id) is null).ToList();
        if (missing.Count > 0)
            Assert.Fail($"{string.Join(", ", missing)} not found in {Directory}. Run `dotnet cake --target=Test` (it packs them before the tests), or set CONFIGRULES_NUGET.");
        return Directory;
    }

    /// <summary>The package file of <paramref name="id"/> (not of a longer id that starts the same), or null.</summary>
    public static string? Find(string id) =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory, $"{id}.*.nupkg")
                .SingleOrDefault(file => char.IsAsciiDigit(Path.GetFileName(file)[(id.Length + 1)..][0]))
            : null;

    /// <summary>
    /// The global packages folder of this machine's builds: every third-party package the template restores was
    /// restored there by this repository's own build, so it serves as an offline feed.
    /// </summary>
    public static string MachinePackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
