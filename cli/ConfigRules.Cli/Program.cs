// configrules entry point: the same rules that Config runs in Lambda, offline. See CliApplication.
using ConfigRules.Cli;
using ConfigRules.Cli.Reporting;

return await CliApplication.RunAsync(args, CliConsole.FromProcess());
