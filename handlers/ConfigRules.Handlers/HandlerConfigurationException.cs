using ConfigRules.Framework.Events;

namespace ConfigRules.Handlers;

/// <summary>The function's environment lacks a setting the handler needs, or has one it cannot use.</summary>
public sealed class HandlerConfigurationException(string message)
    : ConfigRulesException("HandlerConfigurationException", message);
