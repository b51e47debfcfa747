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

    public static string Regenerate(string current)
    {
        var text = Replace(current, "iam-permissions", IamTable());
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
            .AppendLine("| function | IAM action | resource | what for |")
            .AppendLine("| --- | --- | --- | --- |");
        foreach (var handler in Handlers.All)
        {
            builder.AppendLine($"| `{handler.Id}` | `logs:CreateLogStream`, `logs:PutLogEvents` | its own log group | writes its logs |");
            foreach (var scope in handler.IamActions.Select(IamActionScopes.For))
                builder.AppendLine($"| `{handler.Id}` | `{scope.Action}` | {Resource(scope)} | {scope.Purpose} |");
            if (handler == Handlers.ComplianceNotifier)
            {
                builder.AppendLine($"| `{handler.Id}` | `sns:Publish` | the violations topic | publishes the notices |");
                builder.AppendLine($"| `{handler.Id}` | `kms:GenerateDataKey`, `kms:Decrypt` | the notification key, through SNS only | encrypts messages for the topic |");
            }
        }
        builder.AppendLine("| automation role | `lambda:InvokeFunction` | the `api-gateway-endpoint-remediation` function | what the set-private document runs |");
        return builder.ToString();
    }

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
