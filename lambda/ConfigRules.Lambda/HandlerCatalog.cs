using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.Rules;

namespace ConfigRules.Lambda;

/// <summary>
/// Every <c>_HANDLER</c> this bootstrap serves: one rule handler per rule of <see cref="RuleCatalog.All"/>
/// (the handler name is the rule id), then the operational handlers.
/// </summary>
/// <remarks>
/// Extension point for handlers that are not rules (compliance-notifier, api-gateway-endpoint-remediation):
/// implement <see cref="RegisterOperationalHandlers"/> in another file of this project, e.g.
/// <code>
/// internal static partial class HandlerCatalog
/// {
///     static partial void RegisterOperationalHandlers(HandlerTable table) =>
///         table.Add("compliance-notifier", init =>
///         {
///             var notifier = ComplianceNotifierHandler.FromEnvironment(...);   // built once, at init
///             return InvocationHandler.From(async (payload, context, ct) => await notifier.HandleJsonAsync(payload, ct));
///         });
/// }
/// </code>
/// Factories run only for the selected handler, at init; what they throw (a missing environment variable,
/// say) is reported to <c>/init/error</c>. Use <see cref="HandlerInitContext.RequireVariable"/> for settings.
/// </remarks>
internal static partial class HandlerCatalog
{
    public static HandlerTable Build(Func<HandlerInitContext, RuleDependencies> ruleDependencies)
    {
        var table = new HandlerTable();
        foreach (var rule in RuleCatalog.All)
            table.Add(rule.Definition.Id, RuleHandler.For(rule, ruleDependencies));
        RegisterOperationalHandlers(table);
        return table;
    }

    static partial void RegisterOperationalHandlers(HandlerTable table);
}
