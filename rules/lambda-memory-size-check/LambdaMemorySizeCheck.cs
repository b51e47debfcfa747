using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaMemorySize;

/// <summary>Flags functions whose <c>memorySize</c> (MB) is outside the inclusive range: the framework's number bound check.</summary>
public sealed class LambdaMemorySizeCheck() : NumberBoundCheck(LambdaMemorySizeCheckDefinition.Value, LambdaMemorySizeCheckDefinition.Bound);
