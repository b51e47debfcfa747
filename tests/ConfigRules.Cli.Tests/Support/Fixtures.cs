namespace ConfigRules.Cli.Tests.Support;

/// <summary>The test's own fixtures (written from the documented formats), copied beside the test assembly.</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures");
    public static string Input(string name) => Path.Combine(Root, "inputs", name);
    public static string Template(string name) => Path.Combine(Root, "templates", name);
    public static string File(string name) => Path.Combine(Root, name);

    /// <summary>Every single-file input shape; each holds fn-small (256 MB, 30 s) and fn-huge (4096 MB, 900 s).</summary>
    public static readonly string[] TwoFunctionShapes =
    [
        "snapshot.json",
        "get-resource-config-history.json",
        "batch-get-resource-config.json",
        "select-resource-config.json",
        "array.json",
        "items.ndjson",
    ];
}
