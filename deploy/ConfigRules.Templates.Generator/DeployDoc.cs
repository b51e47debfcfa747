using System.Text;
using ConfigRules.Rules;

namespace ConfigRules.Templates;

/// <summary>
/// The catalog-derived tables of docs/deploy.md (IAM permissions, pack parameters), written between
/// <c>&lt;!-- BEGIN GENERATED: name --&gt;</c> and <c>&lt;!-- END GENERATED: name --&gt;</c>; the prose around them is hand-written.
/// </summary>
public static class DeployDoc
{
    public const string Path = "docs/deploy.md";

    public static string Regenerate(string current, IReadOnlyList<GeneratedFile> templates)
    {
        var text = Replace(current, "templates", TemplateTable(templates));
        text = Replace(text, "iam-permissions", IamTable());
        return Replace(text, "pack-parameters", ParameterTable());
    }

    private static string Replace(string text, string name, string body)
    {
        var begin = $"<!-- BEGIN GENERATED: {name} -->";
        var end = $"<!-- END GENERATED: {name} -->";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start) throw new InvalidOperationException($"{Path} lacks the markers {begin} ... {end}.");
        return string.Concat(text.AsSpan(0, start + begin.Length), "\n", body, text.AsSpan(stop));
    }

    private static string IamTable()
    {
        var builder = new StringBuilder()
            .AppendLine("| IAM action | resource | functions | what for |")
            .AppendLine("| --- | --- | --- | --- |")
            .AppendLine("| `logs:CreateLogStream`, `logs:PutLogEvents` | the function's own log group | each function | writes its logs |");
        var actions = Handlers.All.SelectMany(handler => handler.IamActions).Distinct(StringComparer.Ordinal);
        foreach (var scope in actions.Select(IamActionScopes.For))
        {
            var users = Handlers.All.Where(handler => handler.IamActions.Contains(scope.Action)).Select(handler => $"`{handler.Id}`").ToList();
            var who = users.Count == Handlers.Rules.Count && Handlers.Rules.All(rule => rule.IamActions.Contains(scope.Action)) ? "every rule" : string.Join(", ", users);
            builder.AppendLine($"| `{scope.Action}` | {Resource(scope)} | {who} | {scope.Purpose} |");
        }
        builder.AppendLine("| `s3:GetObject` | the exemptions document only (`ExemptionsBucket`/`ExemptionsKey`), when `ExemptionsBucket` is set | every exemptible rule | reads the exemptions document (docs/exemptions.md) |");
        builder.AppendLine("| `kms:Decrypt` | `ExemptionsKmsKeyArn` through S3 only (`kms:ViaService`), when set | every exemptible rule | reads a document encrypted with a customer managed key |");
        builder.AppendLine($"| `sns:Publish` | the violations topic | `{Naming.ComplianceNotifier}` | publishes the notices |");
        builder.AppendLine($"| `kms:GenerateDataKey`, `kms:Decrypt` | the notification key, through SNS only | `{Naming.ComplianceNotifier}` | encrypts messages for the encrypted topic |");
        builder.AppendLine($"| `lambda:InvokeFunction` | the `{Naming.EndpointRemediation}` function | the automation role | what the set-private document runs |");
        return builder.ToString();
    }

    /// <summary>Each template with its size and parameter count, as the limits tests measure them.</summary>
    private static string TemplateTable(IReadOnlyList<GeneratedFile> templates)
    {
        var builder = new StringBuilder()
            .AppendLine("| file | bytes | parameters | resources |")
            .AppendLine("| --- | --- | --- | --- |");
        foreach (var file in templates)
        {
            var lines = file.Content.Split('\n');
            builder.AppendLine($"| `{file.RelativePath}` | {Encoding.UTF8.GetByteCount(file.Content):N0} | {CountEntries(lines, "Parameters:")} | {CountEntries(lines, "Resources:")} |");
        }
        return builder.ToString();
    }

    /// <summary>The keys directly under a top-level section (two spaces in, as the writer indents).</summary>
    private static int CountEntries(string[] lines, string section) =>
        lines.SkipWhile(line => line != section).Skip(1).TakeWhile(line => line.StartsWith(' ') || line.Length == 0 || line.StartsWith('#'))
            .Count(line => line.Length > 2 && line[2] != ' ' && line[2] != '#' && line.StartsWith("  ", StringComparison.Ordinal));

    private static string Resource(IamActionScope scope) =>
        scope.IsUnscoped ? $"`*` ({scope.WhyUnscoped})" : $"`{scope.Resource.Replace("${AWS::Partition}", "aws", StringComparison.Ordinal).Replace("${AWS::Region}", "REGION", StringComparison.Ordinal).Replace("${AWS::AccountId}", "ACCOUNT", StringComparison.Ordinal)}`";

    private static string ParameterTable()
    {
        var builder = new StringBuilder()
            .AppendLine("| pack parameter | rule parameter | default | accepts |")
            .AppendLine("| --- | --- | --- | --- |");
        foreach (var rule in RuleCatalog.Definitions)
        {
            foreach (var parameter in rule.Parameters)
                builder.AppendLine($"| `{Naming.PackParameter(rule, parameter)}` | `{rule.Id}` `{parameter.Name}` | {(parameter.Default is null ? "(empty: left out)" : $"`{parameter.Default}`")} | {parameter.Accepts} |");
        }
        return builder.ToString();
    }
}
