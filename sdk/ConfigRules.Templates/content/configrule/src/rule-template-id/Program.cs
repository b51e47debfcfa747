// The Lambda bootstrap: serves the rule under the handler name "rule-template-id" (the rule id) through the
// Lambda Runtime API. Add more rules to the list to serve them from the same bootstrap.
using ConfigRules.Hosting;
using TemplateNamespace;

return await RuleHost.RunAsync([new RequiredTagCheck()]);
