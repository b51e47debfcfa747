using ConfigRules.Cli.CommandLine;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Commands;

/// <summary>
/// Reads <c>--exemptions FILE</c> (CONTRACT 2.5): the same document and validation as the rule functions and the
/// hook, checked against the whole catalog (not only the selected rules), so a document is valid or not whatever
/// rules a run picks.
/// </summary>
internal static class ExemptionsLoader
{
    /// <summary>The document, or <see cref="ExemptionDocument.None"/> without a file.</summary>
    /// <exception cref="UsageException">The file cannot be read.</exception>
    /// <exception cref="InvalidExemptionsException">The document is not valid: the message names the file and every problem with its line.</exception>
    public static ExemptionDocument Load(string? file, IEnumerable<RuleDefinition> catalog)
    {
        if (file is null) return ExemptionDocument.None;
        if (file.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--exemptions {file}: this build reads the exemptions document from a local file (YAML or JSON), not from S3; copy it first (aws s3 cp {file} exemptions.yaml) and give the file.");
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var why = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message;
            throw new UsageException($"--exemptions {file}: {why}; expected an exemptions document (YAML or JSON).");
        }
        return ExemptionDocument.Parse(file, text, ExemptionCatalog.FromDefinitions(catalog));
    }
}
