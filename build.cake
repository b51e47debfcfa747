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
    DeleteFiles(GetFiles(artifacts.Combine("lambda").FullPath + "/*.pdb"));
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
    DeleteFiles(GetFiles(artifacts.Combine("cli").FullPath + "/*.pdb"));
    EnsureExecutable(artifacts.Combine("cli").CombineWithFilePath("configrules"));
});

// The deployable zip: Lambda needs bootstrap at the zip root and executable; mode 0755 is stored in the
// entry itself. Built before the tests so that the packaging test checks the very file Package ships.
Task("ZipBootstrap")
    .IsDependentOn("PublishBootstrap")
    .Does(() => WriteLambdaZip("lambda", "config-rules-lambda.zip"));

// The same bootstrap for Graviton (provided.al2023 on arm64), cross-compiled with Native AOT on this x86_64
// machine: Debian's aarch64 gcc links it against the arm64 C library. qemu-user and the arm64 OpenSSL (which
// .NET's crypto loads at run time) let the integration tests run it here.
var crossPackages = new[] { "gcc-aarch64-linux-gnu", "libc6-dev-arm64-cross", "qemu-user-static", "libssl3:arm64" };

Task("InstallCrossToolchain")
    .Does(() =>
{
    if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        throw new CakeException("The arm64 bootstrap is cross-compiled on Linux x86_64 (Debian's aarch64 toolchain); this machine is neither.");
    var present = CommandExists("aarch64-linux-gnu-gcc") && CommandExists("qemu-aarch64-static")
        && System.IO.File.Exists("/usr/lib/aarch64-linux-gnu/libssl.so.3") && System.IO.File.Exists("/usr/aarch64-linux-gnu/lib/libc.so.6");
    if (present) return;
    Information($"Installing the arm64 cross toolchain: {string.Join(" ", crossPackages)}");
    // dpkg and apt-get need root: run them directly as root, else through sudo.
    var asRoot = Environment.UserName == "root" ? null : "sudo";
    RunTool(asRoot, "dpkg", "--add-architecture arm64");
    RunTool(asRoot, "apt-get", "update -q");
    RunTool(asRoot, "apt-get", "install -y -q --no-install-recommends " + string.Join(" ", crossPackages),
        new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" });
});

// Microsoft's SARIF validator for the CLI's SARIF output (cli/validation's lock file into .tools/). The npm
// package ships a self-contained executable whose install script only marks it executable: done here instead,
// since npm runs with --ignore-scripts.
var sarifValidation = root.Combine(".tools/sarif-validation");
var sarifMultitool = sarifValidation.CombineWithFilePath("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");

Task("InstallSarifValidator")
    .Does(() =>
{
    NpmInstall(root.Combine("cli/validation"), sarifValidation, "@microsoft/sarif-multitool-linux");
    EnsureExecutable(sarifMultitool);
});

// The packages for teams that write their own rules (contract sections 1 and 6): the SDK, its test kit and the
// `dotnet new configrule` template pack. Packed before the tests, whose end-to-end test builds a rule from them.
var authorPackages = new Dictionary<string, string>
{
    ["ConfigRules.Sdk"] = "sdk/ConfigRules.Sdk",
    ["ConfigRules.Testing"] = "sdk/ConfigRules.Sdk.Testing",
    ["ConfigRules.Templates"] = "sdk/ConfigRules.Templates",
};

Task("PackSdk")
    .IsDependentOn("Build")
    .Does(() =>
{
    var nuget = artifacts.Combine("nuget");
    EnsureDirectoryExists(nuget);
    foreach (var (packageId, project) in authorPackages)
    {
        // An older package of the same version would be what the end-to-end test restores.
        DeleteFiles(GetFiles($"{nuget.FullPath}/{packageId}.*.nupkg").Where(file => char.IsDigit(file.GetFilename().FullPath[packageId.Length + 1])));
        DotNetPack(root.Combine(project).FullPath, new DotNetPackSettings
        {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            OutputDirectory = nuget,
        });
    }
});

// Debian's chromium renders the CLI's HTML report in the tests (headless); installed with apt-get when missing.
var chromium = new FilePath("/usr/bin/chromium");

Task("InstallChromium")
    .Does(() =>
{
    if (FileExists(chromium)) return;
    foreach (var arguments in new[] { "update", "install -y chromium" })
    {
        var exit = StartProcess("apt-get", new ProcessSettings { Arguments = arguments });
        if (exit != 0) throw new CakeException($"apt-get {arguments} failed ({exit}): the HTML report tests need Debian's chromium (as root: apt-get install -y chromium).");
    }
    if (!FileExists(chromium)) throw new CakeException($"apt-get installed chromium, but {chromium} is missing.");
});

Task("PublishBootstrapArm64")
    .IsDependentOn("Build")
    .IsDependentOn("InstallCrossToolchain")
    .Does(() =>
{
    var output = artifacts.Combine("lambda-arm64");
    DotNetPublish(bootstrapProject.FullPath, new DotNetPublishSettings
    {
        Configuration = configuration,
        Runtime = "linux-arm64",
        OutputDirectory = output,
        // Debian's aarch64 gcc links, through a wrapper that drops the clang-only --target option the ILCompiler
        // passes to cross linkers; the aarch64 objcopy strips the symbols.
        MSBuildSettings = new DotNetMSBuildSettings()
            .WithProperty("CppCompilerAndLinker", root.CombineWithFilePath("build/aarch64-linux-gnu-gcc.sh").FullPath)
            .WithProperty("ObjCopyName", "aarch64-linux-gnu-objcopy"),
    });
    DeleteFiles(GetFiles(output.FullPath + "/*.dbg"));
    DeleteFiles(GetFiles(output.FullPath + "/*.pdb"));
    EnsureExecutable(output.CombineWithFilePath("bootstrap"));
});

Task("ZipBootstrapArm64")
    .IsDependentOn("PublishBootstrapArm64")
    .Does(() => WriteLambdaZip("lambda-arm64", "config-rules-lambda-arm64.zip"));

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("InstallSarifValidator")
    .IsDependentOn("PackSdk")
    .IsDependentOn("InstallChromium")
    .IsDependentOn("ZipBootstrap")
    .IsDependentOn("ZipBootstrapArm64")
    .IsDependentOn("ValidateTemplates")
    .IsDependentOn("PublishBootstrap")
    .IsDependentOn("PublishCli")
    .Does(() =>
{
    DotNetTest(solution.FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        // Measurements (cold start, 150 MB streaming memory) assert nothing about speed: run on demand only.
        Filter = "TestCategory!=Measurement",
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["CONFIGRULES_BOOTSTRAP"] = artifacts.Combine("lambda").CombineWithFilePath("bootstrap").FullPath,
            ["CONFIGRULES_BOOTSTRAP_ARM64"] = artifacts.Combine("lambda-arm64").CombineWithFilePath("bootstrap").FullPath,
            ["CONFIGRULES_CLI"] = artifacts.Combine("cli").CombineWithFilePath("configrules").FullPath,
            ["CONFIGRULES_SARIF_MULTITOOL"] = sarifMultitool.FullPath,
            ["CONFIGRULES_NUGET"] = artifacts.Combine("nuget").FullPath,
            ["CONFIGRULES_CHROMIUM"] = chromium.FullPath,
        },
    });
});

Task("Package")
    .IsDependentOn("PackSdk")
    .IsDependentOn("PackageTemplates")
    .IsDependentOn("ZipBootstrap")
    .IsDependentOn("ZipBootstrapArm64")
    .IsDependentOn("PublishCli")
    .Does(() =>
{
    DotNetPack(cliProject.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = artifacts.Combine("nuget"),
    });
});

// Templates: generated from the rule catalog (GenerateTemplates, run by hand after a catalog change; the
// template tests fail while the committed files drift), validated by cfn-lint from npm on every build.
var templateValidation = root.Combine(".tools/template-validation");
var templateFiles = new[] { "conformance-packs/*.yaml", "deploy/*.yaml", "deploy/organization/*.yaml" };

Task("GenerateTemplates")
    .Does(() =>
{
    DotNetRun(root.CombineWithFilePath("deploy/ConfigRules.Templates.Generator/ConfigRules.Templates.Generator.csproj").FullPath,
        new ProcessArgumentBuilder().Append("--root").AppendQuoted(root.FullPath), new DotNetRunSettings { Configuration = configuration });
});

// npm ci of deploy/validation's lock file into .tools/ (ignored by git); skipped while the installed lock matches.
Task("InstallTemplateValidator")
    .Does(() =>
{
    NpmInstall(root.Combine("deploy/validation"), templateValidation, "cfn-lint");
});

Task("ValidateTemplates")
    .IsDependentOn("InstallTemplateValidator")
    .Does(() =>
{
    var templates = templateFiles.SelectMany(pattern => GetFiles(root.FullPath + "/" + pattern)).Select(file => file.FullPath).OrderBy(path => path, StringComparer.Ordinal).ToList();
    if (templates.Count == 0) throw new CakeException("No templates found to validate.");
    var arguments = new ProcessArgumentBuilder()
        .AppendQuoted(root.CombineWithFilePath("deploy/validation/validate-templates.js").FullPath)
        .Append("--install").AppendQuoted(templateValidation.FullPath);
    foreach (var template in templates) arguments.AppendQuoted(template);
    var exit = StartProcess("node", new ProcessSettings { Arguments = arguments, WorkingDirectory = root });
    if (exit != 0) throw new CakeException($"Template validation failed (exit {exit}): see the cfn-lint messages above.");
});

// The deploy stack and the packs, ready to upload, in the repository's layout.
Task("PackageTemplates")
    .IsDependentOn("ValidateTemplates")
    .Does(() =>
{
    var output = artifacts.Combine("templates");
    CleanDirectory(output);
    foreach (var pattern in templateFiles)
    {
        foreach (var file in GetFiles(root.FullPath + "/" + pattern))
        {
            var relative = root.GetRelativePath(file);
            EnsureDirectoryExists(output.Combine(relative.GetDirectory()));
            CopyFile(file, output.CombineWithFilePath(relative));
        }
    }
    Information($"Wrote the templates to {output}");
});

Task("Bench")
    .IsDependentOn("ZipBootstrap")
    .IsDependentOn("ZipBootstrapArm64")
    .IsDependentOn("PublishCli")
    .Does(() =>
{
    var benchProject = root.CombineWithFilePath("bench/ConfigRules.Bench/ConfigRules.Bench.csproj");
    if (!FileExists(benchProject)) throw new CakeException($"The benchmark project {benchProject} is missing.");
    // The same bootstrap under the JIT for the cold-start comparison: framework-dependent, run as `dotnet bootstrap.dll`.
    DotNetPublish(bootstrapProject.FullPath, new DotNetPublishSettings
    {
        Configuration = configuration,
        Runtime = rid,
        SelfContained = false,
        OutputDirectory = artifacts.Combine("bench/jit"),
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishAot", "false"),
    });
    DotNetRun(benchProject.FullPath, new ProcessArgumentBuilder().Append("--output").AppendQuoted(root.CombineWithFilePath("docs/performance.md").FullPath),
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

// npm ci of a folder's package.json and lock file into installDir; skipped while the installed lock matches and
// the package named by marker is there.
void NpmInstall(DirectoryPath source, DirectoryPath installDir, string marker)
{
    var lockFile = source.CombineWithFilePath("package-lock.json").FullPath;
    var installedLock = installDir.CombineWithFilePath("package-lock.json").FullPath;
    var upToDate = System.IO.File.Exists(installedLock)
        && System.IO.File.ReadAllText(installedLock) == System.IO.File.ReadAllText(lockFile)
        && DirectoryExists(installDir.Combine("node_modules/" + marker));
    if (upToDate) return;
    EnsureDirectoryExists(installDir);
    CopyFile(source.CombineWithFilePath("package.json"), installDir.CombineWithFilePath("package.json"));
    CopyFile(lockFile, installedLock);
    var exit = StartProcess("npm", new ProcessSettings
    {
        Arguments = "ci --ignore-scripts --no-audit --no-fund",
        WorkingDirectory = installDir,
    });
    if (exit != 0) throw new CakeException($"npm ci in {installDir} failed ({exit}): node and npm are needed for the build's validators.");
}

void WriteLambdaZip(string publishedFolder, string zipName)
{
    var zipPath = artifacts.CombineWithFilePath(zipName).FullPath;
    if (System.IO.File.Exists(zipPath)) System.IO.File.Delete(zipPath);
    using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
    {
        var entry = zip.CreateEntryFromFile(artifacts.Combine(publishedFolder).CombineWithFilePath("bootstrap").FullPath, "bootstrap", CompressionLevel.Optimal);
        entry.ExternalAttributes = unchecked((int)((0x8000u | 0x1EDu) << 16)); // S_IFREG | 0755
    }
    Information($"Wrote {zipPath}");
}

bool CommandExists(string name) =>
    (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => System.IO.File.Exists(System.IO.Path.Combine(dir, name)));

void RunTool(string? prefix, string tool, string arguments, IDictionary<string, string>? environment = null)
{
    var settings = new ProcessSettings
    {
        Arguments = prefix is null ? arguments : $"{tool} {arguments}",
        EnvironmentVariables = environment ?? new Dictionary<string, string>(),
    };
    var exit = StartProcess(prefix ?? tool, settings);
    if (exit != 0) throw new CakeException($"`{(prefix is null ? "" : prefix + " ")}{tool} {arguments}` failed (exit {exit}): the arm64 cross toolchain needs Debian's packages {string.Join(", ", crossPackages)}.");
}
