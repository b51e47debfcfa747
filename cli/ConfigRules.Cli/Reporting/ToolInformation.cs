using System.Reflection;

namespace ConfigRules.Cli.Reporting;

/// <summary>The tool's version and information address, from the assembly (the project file sets both).</summary>
public static class ToolInformation
{
    public static string Version { get; } = typeof(ToolInformation).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <summary>The project file's <c>InformationUri</c> property, carried as assembly metadata.</summary>
    public static string InformationUri { get; } =
        typeof(ToolInformation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "InformationUri")?.Value
        ?? throw new InvalidOperationException("The assembly has no InformationUri metadata: the project file must set it.");
}
