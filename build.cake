// ConfigRules build: Clean, Build, Test, Package, Bench. `dotnet tool restore && dotnet cake --target=Test`
// is all a fresh machine needs; the default target runs Test then Package.
using System.IO.Compression;

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory("."));
var artifacts = root.Combine("artifacts");
var solution = root.CombineWithFilePath("ConfigRules.sln");
var bootstrapProject = root.CombineWithFilePath("lambda/ConfigRules.Lambda/ConfigRules.Lambda.csproj");
var cliProject = root.CombineWithFilePath("cli/ConfigRules.Cli/ConfigRules.Cli.csproj");
var rid = "linux-x64";

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
    foreach (var dir in GetDirectories("./**/bin").Concat(GetDirectories("./**/obj")))
    {
        if (!dir.FullPath.Contains("/node_modules/") && !dir.FullPath.Contains("/.tools/")) CleanDirectory(dir);
    }
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration });
});

// The Native AOT bootstrap: what Lambda runs, and what the integration tests start as a process.
Task("PublishBootstrap")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetPublish(bootstrapProject.FullPath, new DotNetPublishSettings
    {
        Configuration = configuration,
        Runtime = rid,
        OutputDirectory = artifacts.Combine("lambda"),
    });
    DeleteFiles(GetFiles(artifacts.Combine("lambda").FullPath + "/*.dbg"));
    EnsureExecutable(artifacts.Combine("lambda").CombineWithFilePath("bootstrap"));
});

// The command-line tool as one executable file.
Task("PublishCli")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetPublish(cliProject.FullPath, new DotNetPublishSettings
    {
        Configuration = configuration,
        Runtime = rid,
        OutputDirectory = artifacts.Combine("cli"),
    });
    DeleteFiles(GetFiles(artifacts.Combine("cli").FullPath + "/*.dbg"));
    EnsureExecutable(artifacts.Combine("cli").CombineWithFilePath("configrules"));
});

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("PublishBootstrap")
    .IsDependentOn("PublishCli")
    .Does(() =>
{
    DotNetTest(solution.FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["CONFIGRULES_BOOTSTRAP"] = artifacts.Combine("lambda").CombineWithFilePath("bootstrap").FullPath,
            ["CONFIGRULES_CLI"] = artifacts.Combine("cli").CombineWithFilePath("configrules").FullPath,
        },
    });
});

Task("Package")
    .IsDependentOn("PublishBootstrap")
    .IsDependentOn("PublishCli")
    .Does(() =>
{
    // Lambda needs bootstrap at the zip root and executable; mode 0755 is stored in the entry itself.
    var zipPath = artifacts.CombineWithFilePath("config-rules-lambda.zip").FullPath;
    if (System.IO.File.Exists(zipPath)) System.IO.File.Delete(zipPath);
    using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
    {
        var entry = zip.CreateEntryFromFile(artifacts.Combine("lambda").CombineWithFilePath("bootstrap").FullPath, "bootstrap", CompressionLevel.Optimal);
        entry.ExternalAttributes = unchecked((int)((0x8000u | 0x1EDu) << 16)); // S_IFREG | 0755
    }
    Information($"Wrote {zipPath}");

    DotNetPack(cliProject.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = artifacts.Combine("nuget"),
    });
});

Task("Bench")
    .IsDependentOn("PublishBootstrap")
    .IsDependentOn("PublishCli")
    .Does(() =>
{
    var benchProject = root.CombineWithFilePath("bench/ConfigRules.Bench/ConfigRules.Bench.csproj");
    if (!FileExists(benchProject)) throw new CakeException($"The benchmark project {benchProject} is missing.");
    DotNetRun(benchProject.FullPath, new ProcessArgumentBuilder().Append("--").Append("--output").AppendQuoted(root.CombineWithFilePath("docs/performance.md").FullPath),
        new DotNetRunSettings { Configuration = "Release" });
});

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Package");

RunTarget(target);

void EnsureExecutable(FilePath file)
{
    if (!FileExists(file)) throw new CakeException($"Expected {file} after publishing.");
    if (!OperatingSystem.IsWindows())
        System.IO.File.SetUnixFileMode(file.FullPath, System.IO.File.GetUnixFileMode(file.FullPath)
            | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
}
