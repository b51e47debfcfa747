// The bootstrap: every rule of the catalog (and the operational handlers) in one handler table, served by the
// custom runtime. _HANDLER picks the handler; see HandlerCatalog for the table and its extension point.
using ConfigRules.Lambda;
using ConfigRules.LambdaRuntime.Serving;

return await LambdaHost.RunAsync(HandlerCatalog.Build(RuleComposition.Create));
