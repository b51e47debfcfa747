using ConfigRules.Templates;

// configrules-templates [--check] [--root DIR]
// Writes every generated template (and the generated tables of docs/deploy.md) under the repository root;
// with --check, writes nothing and exits 1 listing the files that differ from what the catalog gives.
var check = args.Contains("--check");
var rootIndex = Array.IndexOf(args, "--root");
var root = rootIndex >= 0 && rootIndex + 1 < args.Length ? Path.GetFullPath(args[rootIndex + 1]) : FindRoot();
var unknown = args.Where((arg, index) => arg != "--check" && arg != "--root" && (rootIndex < 0 || index != rootIndex + 1)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown argument(s): {string.Join(' ', unknown)}. Usage: configrules-templates [--check] [--root DIR]");
    return 2;
}

var drifted = new List<string>();
foreach (var file in TemplateSet.Generate(root))
{
    var path = Path.Combine(root, file.RelativePath);
    var current = File.Exists(path) ? File.ReadAllText(path) : null;
    if (current == file.Content) continue;
    drifted.Add(file.RelativePath);
    if (check) continue;
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, file.Content);
    Console.WriteLine($"wrote {file.RelativePath} ({file.Content.Length:N0} bytes)");
}
if (check && drifted.Count > 0)
{
    Console.Error.WriteLine($"Out of date with the catalog: {string.Join(", ", drifted)}. Run: dotnet cake --target=GenerateTemplates");
    return 1;
}
if (drifted.Count == 0) Console.WriteLine("Templates are up to date with the catalog.");
return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ConfigRules.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run inside the repository (ConfigRules.sln not found above the current folder), or pass --root.");
}
