using System.Text;
using System.Text.Json;
using ConfigRules.Cli.CommandLine;
using ConfigRules.Cli.Reporting;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Commands;

/// <summary><c>configrules rules [--format table|json]</c>: the catalog, with each rule's parameters and defaults, and whether an exemption may cover it.</summary>
internal static class RulesCommand
{
    public static int Run(CliOptions options, CliConsole console, IReadOnlyList<RuleDefinition> definitions)
    {
        if (options.Format == OutputFormat.Json) WriteJson(console.StandardOutput, definitions);
        else WriteTable(console.StandardOutput, definitions);
        return ExitCodes.Clean;
    }

    private static void WriteJson(Stream output, IReadOnlyList<RuleDefinition> definitions)
    {
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("rules");
            foreach (var definition in definitions)
            {
                writer.WriteStartObject();
                writer.WriteString("id", definition.Id);
                writer.WriteString("title", definition.Title);
                writer.WriteString("description", definition.Description);
                writer.WriteString("severity", definition.Severity.ToString().ToLowerInvariant());
                writer.WriteBoolean("exemptible", definition.Exemptible);
                writer.WriteStartArray("resourceTypes");
                foreach (var type in definition.ResourceTypes) writer.WriteStringValue(type);
                writer.WriteEndArray();
                writer.WriteStartArray("parameters");
                foreach (var parameter in definition.Parameters)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", parameter.Name);
                    writer.WriteString("type", parameter.Kind.ToString());
                    if (parameter.Default is { } value) writer.WriteString("default", value);
                    else writer.WriteNull("default");
                    writer.WriteString("accepts", parameter.Accepts);
                    writer.WriteString("description", parameter.Description);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteString("remediation", definition.Remediation);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        output.Write("\n"u8);
        output.Flush();
    }

    private static void WriteTable(Stream output, IReadOnlyList<RuleDefinition> definitions)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        foreach (var definition in definitions)
        {
            var exemptible = definition.Exemptible ? "exemptible" : "not exemptible";
            writer.WriteLine($"{definition.Id}  [{definition.Severity.ToString().ToLowerInvariant()}]  [{exemptible}]  {string.Join(", ", definition.ResourceTypes)}");
            writer.WriteLine($"  {definition.Title}.");
            foreach (var parameter in definition.Parameters)
                writer.WriteLine($"  --param {definition.Id}.{parameter.Name}=...  default: {parameter.Default ?? "(none)"}; {parameter.Accepts}. {parameter.Description}");
            writer.WriteLine();
        }
        writer.WriteLine($"{definitions.Count} rules. Pick with --rule ID, set parameters with --param RULE.NAME=VALUE, or use --pack FILE.");
    }
}
