using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;
using ConfigRules.Framework.Text;

namespace ConfigRules.Rules.LambdaPublicAccess;

/// <summary>lambda-public-access-check's parameters.</summary>
/// <param name="AllowedPrincipalAccounts">Other accounts (12 digits) the policy may grant to without a source condition.</param>
public sealed record LambdaPublicAccessCheckParameters(IReadOnlyList<string> AllowedPrincipalAccounts, bool AllowFunctionUrlAuthNone);

/// <summary>
/// Flags functions whose resource policy (<c>supplementaryConfiguration.Policy</c>) lets everyone, or an account that
/// is neither the function's own nor allowed, invoke or manage them without a condition on the caller's source or
/// organization; a public function URL (auth type NONE) counts unless allowed. Not exemptible: this is a breach, not a trade-off.
/// </summary>
public sealed class LambdaPublicAccessCheck : ConfigRule<LambdaPublicAccessCheckParameters>
{
    /// <summary>Where Config records the function's resource policy.</summary>
    public const string PolicyKey = "Policy";

    public override RuleDefinition Definition => LambdaPublicAccessCheckDefinition.Value;

    protected override LambdaPublicAccessCheckParameters ReadParameters(ParameterReader reader)
    {
        var accounts = reader.GetList("allowedPrincipalAccounts").Distinct(StringComparer.Ordinal).ToArray();
        var bad = accounts.Where(a => a.Length != 12 || !a.All(char.IsAsciiDigit)).ToArray();
        if (bad.Length > 0)
            reader.AddProblem(
                $"parameter 'allowedPrincipalAccounts' has {(bad.Length == 1 ? "an entry that is" : $"{bad.Length} entries that are")} not an account id: " +
                $"{TextShortening.QuotedList(bad, 40)}; expected a comma-separated list of 12-digit account ids.");
        return new LambdaPublicAccessCheckParameters(accounts, reader.GetBoolean("allowFunctionUrlAuthNone") ?? false);
    }

    protected override async ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, LambdaPublicAccessCheckParameters parameters, RuleContext context, CancellationToken cancellationToken)
    {
        if (item.SupplementaryConfiguration.TryGetValue(PolicyKey, out var recorded) && recorded.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            return Judge(item, recorded, parameters);
        // Config leaves the policy out of some items (an oversized one, a select-resource-config row): ask Lambda.
        var name = item.Configuration.GetStringOrNull("functionArn") ?? LambdaFunctionFacts.FunctionName(item);
        var text = await context.Services.GetRequired<IFunctionPolicyLookup>().GetPolicyAsync(name, cancellationToken).ConfigureAwait(false);
        if (text is null) return Judge(item, default, parameters);
        using var document = JsonDocument.Parse(text);
        return Judge(item, document.RootElement, parameters);
    }

    private static Verdict Judge(ConfigurationItem item, JsonElement policy, LambdaPublicAccessCheckParameters parameters)
    {
        var name = LambdaFunctionFacts.FunctionName(item);
        if (policy.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return Verdict.Compliant($"Function {name} has no resource policy, so no other account can invoke it.");
        if (!ResourcePolicy.TryRead(policy, out var statements, out var problem))
            return Verdict.NotApplicable($"The function's resource policy cannot be read: {problem}.");

        var own = item.AwsAccountId ?? PolicyExposure.AccountOf(item.Configuration.GetStringOrNull("functionArn") is { } arn ? ArnAccount(arn) : "");
        var exposures = PolicyExposure.Find(statements, own, parameters.AllowedPrincipalAccounts, parameters.AllowFunctionUrlAuthNone);
        if (exposures.Count == 0)
            return Verdict.Compliant(
                $"Function {name}'s resource policy ({statements.Count} statement{(statements.Count == 1 ? "" : "s")}) grants nothing to the public or to unapproved accounts without a source condition.");

        var first = exposures[0];
        var sid = first.Statement.Sid is { Length: > 0 } s ? $"statement {Short(s)}" : "a statement";
        var more = exposures.Count > 1 ? $" ({exposures.Count - 1} more statement{(exposures.Count == 2 ? "" : "s")} too)" : "";
        return Verdict.NonCompliant(first.IsPublicFunctionUrl
            ? $"Function {name} has a public function URL (AuthType NONE, {sid}){more}; set the URL's AuthType to AWS_IAM or set allowFunctionUrlAuthNone to true if it must be public."
            : $"Function {name}'s resource policy lets {first.Subject} call {Actions(first.Statement)} ({sid}) with no aws:SourceArn, aws:SourceAccount or aws:PrincipalOrgID condition{more}; remove the grant or add a condition.");
    }

    /// <summary>The account field of an ARN, as text <see cref="PolicyExposure.AccountOf"/> accepts.</summary>
    private static string ArnAccount(string arn) => arn.Split(':') is { Length: >= 5 } parts ? parts[4] : "";

    private static string Actions(PolicyStatement statement) =>
        statement.UsesNotAction ? "every action but its NotAction"
        : statement.Actions.Count == 0 ? "no listed action"
        : statement.Actions.Count == 1 ? Short(statement.Actions[0])
        : $"{Short(statement.Actions[0])} and {statement.Actions.Count - 1} more actions";

    private static string Short(string text) => TextShortening.Shorten(text, 40);
}
