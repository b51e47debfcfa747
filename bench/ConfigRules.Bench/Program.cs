using ConfigRules.Bench;

return await BenchSuite.RunAsync(args);
