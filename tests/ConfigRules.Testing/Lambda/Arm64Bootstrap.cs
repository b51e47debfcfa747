using NUnit.Framework;

namespace ConfigRules.Testing.Lambda;

/// <summary>
/// The arm64 bootstrap (<c>artifacts/lambda-arm64/bootstrap</c>, cross-compiled by the build) run on the x86_64
/// build machine under qemu user-mode emulation. The Cake Test target sets <see cref="PathVariable"/>; without
/// the binary or qemu the tests that need them are ignored with the reason.
/// </summary>
public static class Arm64Bootstrap
{
    public const string PathVariable = "CONFIGRULES_BOOTSTRAP_ARM64";
    public const string Emulator = "qemu-aarch64-static";

    /// <summary>
    /// Where qemu finds the arm64 dynamic loader and libraries (<c>-L</c> / QEMU_LD_PREFIX): the root, where the
    /// multiarch packages put libc6:arm64 and libssl3:arm64 (.NET's crypto loads libssl at run time).
    /// </summary>
    public const string LibraryPrefix = "/";

    public static string Path =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : RepositoryPaths.InRepo("artifacts", "lambda-arm64", "bootstrap");

    /// <summary>The emulator's full path, or null when it is not installed.</summary>
    public static string? EmulatorPath =>
        new[] { "/usr/bin", "/usr/local/bin" }.Select(dir => System.IO.Path.Combine(dir, Emulator)).FirstOrDefault(File.Exists);

    /// <summary>Ignores the test, saying what is missing and how to produce it, unless both the binary and qemu are there.</summary>
    public static (string Bootstrap, string Emulator) RequireRunnable()
    {
        if (!File.Exists(Path))
            throw new IgnoreException($"The arm64 bootstrap {Path} is not built: `dotnet cake --target=Test` (or Package) cross-compiles it and sets {PathVariable}.");
        return EmulatorPath is { } emulator
            ? (Path, emulator)
            : throw new IgnoreException($"{Emulator} is not installed: the build installs qemu-user-static to run the arm64 bootstrap on x86_64.");
    }
}
