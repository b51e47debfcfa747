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

    /// <summary>More AWS outputs (aggregator forms, S3 history files, change notifications), apart so that folder tests keep their counts.</summary>
    public static string AwsOutput(string name) => Path.Combine(Root, "aws-outputs", name);

    /// <summary>The AWS outputs of <see cref="AwsOutput"/> that hold fn-small and fn-huge as <see cref="TwoFunctionShapes"/> do.</summary>
    public static readonly string[] TwoFunctionAwsOutputs =
    [
        "batch-get-aggregate-resource-config.json",
        "select-aggregate-resource-config.json",
        "config-history-s3.json",
        "change-notifications.ndjson",
    ];

    /// <summary>Every two-function file, as a path: the input shapes and the further AWS outputs.</summary>
    public static IEnumerable<string> AllTwoFunctionFiles =>
        TwoFunctionShapes.Select(Input).Concat(TwoFunctionAwsOutputs.Select(AwsOutput));
}
