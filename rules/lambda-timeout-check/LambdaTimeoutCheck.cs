using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaTimeout;

/// <summary>Flags functions whose <c>timeout</c> (seconds) is outside the inclusive range: the framework's number bound check.</summary>
public sealed class LambdaTimeoutCheck() : NumberBoundCheck(LambdaTimeoutCheckDefinition.Value, LambdaTimeoutCheckDefinition.Bound);
