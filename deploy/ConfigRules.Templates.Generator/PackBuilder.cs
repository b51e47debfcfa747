using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>Where a pack's rules find their functions.</summary>
public enum FunctionSource
{
    /// <summary>One pack parameter per rule carries the function's ARN (the deploy stack fills them in).</summary>
    ArnParameters,

    /// <summary>
    /// The ARN is built from the central account and the name prefix: an organization pack is one template for
    /// every member account, and every account's rules invoke the same functions in the central account.
    /// </summary>
    CentralAccount,
}

public sealed record PackSpec(string Description, IReadOnlyList<RuleDefinition> Rules, bool WithEndpointRemediation, FunctionSource Functions);

/// <summary>
/// Builds a conformance pack template: only AWS::Config::ConfigRule and AWS::Config::RemediationConfiguration
/// resources, every rule parameter as <c>&lt;RuleName&gt;Param&lt;ParameterName&gt;</c> with the catalog default,
/// optional parameters left out of InputParameters when empty (Conditions + Fn::If + AWS::NoValue).
/// </summary>
public static class PackBuilder
{
    public const string FunctionNamePrefixParameter = "FunctionNamePrefix";
    public const string CentralAccountIdParameter = "CentralAccountId";
    private const int ConfigRuleDescriptionLimit = 256;

    public static YamlMap Build(PackSpec spec)
    {
        var parameters = new YamlMap();
        var conditions = new YamlMap();
        var resources = new YamlMap();

        if (spec.Functions == FunctionSource.CentralAccount)
        {
            parameters.Add(CentralAccountIdParameter,
                CentralStackParameters.AccountId("The account whose deploy stack (with OrganizationId set) runs the rule functions for the organization."));
            parameters.Add(FunctionNamePrefixParameter, StringParameter(Naming.DefaultPrefix,
                "Name prefix of the rule functions in the central account."));
        }

        foreach (var rule in spec.Rules)
        {
            if (spec.Functions == FunctionSource.ArnParameters)
                parameters.Add(Naming.FunctionArnParameter(rule), new YamlMap()
                    .Add("Type", "String")
                    .Add("Description", $"ARN of the {rule.Id} function (output {Naming.Logical(rule.Id, "FunctionArn")} of the deploy stack).")
                    .Add("AllowedPattern", "^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]+$"));
            foreach (var parameter in rule.Parameters)
            {
                parameters.Add(Naming.PackParameter(rule, parameter), PackParameter(parameter));
                if (parameter.Default is null)
                    conditions.Add(Naming.HasParameterCondition(rule, parameter),
                        Cfn.Not(Cfn.Equals("", Cfn.Ref(Naming.PackParameter(rule, parameter)))));
            }
            resources.Add(Naming.Pascal(rule.Id), ConfigRule(rule, spec.Functions));
        }

        if (spec.WithEndpointRemediation)
            EndpointRemediation.AddTo(spec, parameters, conditions, resources);

        var template = new YamlMap()
            .Add("AWSTemplateFormatVersion", "2010-09-09")
            .Add("Description", spec.Description)
            .Add("Parameters", parameters);
        if (conditions.Entries.Count > 0) template.Add("Conditions", conditions);
        return template.Add("Resources", resources);
    }

    internal static YamlMap StringParameter(string @default, string description) =>
        new YamlMap().Add("Type", "String").Add("Default", @default).Add("Description", description);

    private static YamlMap PackParameter(ParameterDefinition parameter)
    {
        var node = StringParameter(parameter.Default ?? "", $"{parameter.Description} Accepts {parameter.Accepts}.");
        switch (parameter.Kind)
        {
            case ParameterKind.Boolean:
                node.Add("AllowedValues", parameter.Default is null ? Cfn.List("", "true", "false") : Cfn.List("true", "false"));
                break;
            case ParameterKind.Integer:
                node.Add("AllowedPattern", parameter.Default is null ? "^([0-9]+)?$" : "^[0-9]+$");
                break;
            case ParameterKind.String when parameter.AllowedValues is { Count: > 0 } allowed:
                // An optional parameter keeps "" (unset) among its values.
                var values = parameter.Default is null ? allowed.Prepend("") : allowed;
                node.Add("AllowedValues", Cfn.List(values.Select(value => (YamlNode)value)));
                break;
        }
        return node;
    }

    private static YamlMap ConfigRule(RuleDefinition rule, FunctionSource functions)
    {
        var inputs = new YamlMap();
        foreach (var parameter in rule.Parameters)
        {
            var value = Cfn.Ref(Naming.PackParameter(rule, parameter));
            inputs.Add(parameter.Name, parameter.Default is null
                ? Cfn.If(Naming.HasParameterCondition(rule, parameter), value, Cfn.NoValue)
                : value);
        }

        var source = new YamlMap()
            .Add("Owner", "CUSTOM_LAMBDA")
            .Add("SourceIdentifier", functions == FunctionSource.ArnParameters
                ? Cfn.Ref(Naming.FunctionArnParameter(rule))
                : Cfn.Sub($"arn:${{AWS::Partition}}:lambda:${{AWS::Region}}:${{{CentralAccountIdParameter}}}:function:${{{FunctionNamePrefixParameter}}}-{rule.Id}"))
            .Add("SourceDetails", SourceDetails(rule));

        var properties = new YamlMap()
            .Add("ConfigRuleName", rule.Id)
            .Add("Description", rule.Description.Length <= ConfigRuleDescriptionLimit ? rule.Description : rule.Title);
        // A rule of the account (AWS::::Account) has no recorded resources to scope to: it runs on its schedule alone.
        var scoped = rule.ResourceTypes.Where(type => !AccountItem.IsAccountType(type)).ToList();
        if (scoped.Count > 0)
            properties.Add("Scope", new YamlMap().Add("ComplianceResourceTypes", new YamlSequence(scoped.Select(type => (YamlNode)type))));
        properties.Add("InputParameters", inputs).Add("Source", source);
        return new YamlMap().Add("Type", "AWS::Config::ConfigRule").Add("Properties", properties);
    }

    /// <summary>
    /// Change-triggered rules hear both the change and the oversized notification (an item over 256 KB
    /// arrives only as the latter); periodic rules also run on the catalog's schedule, which is what moves a
    /// runtime into its deprecation window without any change to the function.
    /// </summary>
    private static YamlSequence SourceDetails(RuleDefinition rule)
    {
        var details = new YamlSequence();
        if (rule.Triggers.HasFlag(RuleTriggers.ConfigurationChanges))
        {
            details.Add(Detail("ConfigurationItemChangeNotification"));
            details.Add(Detail("OversizedConfigurationItemChangeNotification"));
        }
        if (rule.Triggers.HasFlag(RuleTriggers.Periodic))
            details.Add(Detail("ScheduledNotification").Add("MaximumExecutionFrequency", rule.MaximumExecutionFrequency));
        if (details.Items.Count == 0) throw new InvalidOperationException($"Rule {rule.Id} has no trigger.");
        return details;
    }

    private static YamlMap Detail(string messageType) =>
        new YamlMap().Add("EventSource", "aws.config").Add("MessageType", messageType);
}
