using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Input;

/// <summary>One item read from an input, or the problem that kept one item from being read (reading goes on).</summary>
public readonly record struct ItemRead(ConfigurationItem? Item, InputProblem? Problem);
