// The package's bootstrap: every rule of the catalog and the operational handlers in one handler table, served by
// the custom runtime. _HANDLER picks the handler. Composition only; the logic lives in the libraries.
using ConfigRules.Handlers;
using ConfigRules.Hosting;
using ConfigRules.Rules;

return await RuleHost.RunAsync(RuleCatalog.All, OperationalHandlers.Register);
