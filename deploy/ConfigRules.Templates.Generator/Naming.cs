using System.Text;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Templates;

/// <summary>
/// Names shared by the packs, the stacks and the docs. Pack parameters follow AWS's own conformance packs:
/// <c>&lt;RuleName&gt;Param&lt;ParameterName&gt;</c> with both parts in PascalCase
/// (lambda-runtime-check / allowedRuntimes: <c>LambdaRuntimeCheckParamAllowedRuntimes</c>).
/// </summary>
public static class Naming
{
    /// <summary>The stack's default prefix of function, role and document names.</summary>
    public const string DefaultPrefix = "config-rules";

    /// <summary>The operational handlers' ids, as the handlers themselves define them.</summary>
    public const string ComplianceNotifier = ConfigRules.Handlers.ComplianceNotifier.ComplianceNotifierHandler.HandlerName;
    public const string EndpointRemediation = ConfigRules.Handlers.EndpointRemediation.EndpointRemediationHandler.HandlerName;
    public const string CloudFormationHook = ConfigRules.Handlers.CloudFormationHook.CloudFormationHookHandler.HandlerName;

    /// <summary>A rule id such as "my-rule-check" -> "MyRuleCheck"; a parameter "allowedValues" -> "AllowedValues".</summary>
    public static string Pascal(string id)
    {
        var builder = new StringBuilder(id.Length);
        var upper = true;
        foreach (var c in id)
        {
            if (c is '-' or '_' or '.')
            {
                upper = true;
                continue;
            }
            if (!char.IsAsciiLetterOrDigit(c)) throw new ArgumentException($"'{id}' is not an id made of letters, digits and dashes.", nameof(id));
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return builder.ToString();
    }

    public static string PackParameter(RuleDefinition rule, ParameterDefinition parameter) =>
        $"{Pascal(rule.Id)}Param{Pascal(parameter.Name)}";

    /// <summary>The pack parameter that carries the rule function's ARN.</summary>
    public static string FunctionArnParameter(RuleDefinition rule) => $"{Pascal(rule.Id)}FunctionArn";

    /// <summary>The pack condition that is true when an optional rule parameter was given.</summary>
    public static string HasParameterCondition(RuleDefinition rule, ParameterDefinition parameter) =>
        $"Has{PackParameter(rule, parameter)}";

    /// <summary>The logical id of a handler's resources in the deploy stack, e.g. "LambdaRuntimeCheck" + "Function".</summary>
    public static string Logical(string handler, string suffix) => Pascal(handler) + suffix;
}
