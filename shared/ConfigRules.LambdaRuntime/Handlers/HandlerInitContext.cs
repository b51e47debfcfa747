using ConfigRules.LambdaRuntime.Errors;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.LambdaRuntime.Handlers;

/// <summary>
/// What a handler factory gets once, at init: its <c>_HANDLER</c> name, the environment, the clock and a logger.
/// Anything it throws is reported to <c>/init/error</c>.
/// </summary>
public sealed class HandlerInitContext(string handlerName, IRuntimeEnvironment environment, TimeProvider time, RuntimeLogger logger)
{
    public string HandlerName { get; } = handlerName;

    public IRuntimeEnvironment Environment { get; } = environment;

    public TimeProvider Time { get; } = time;

    public RuntimeLogger Logger { get; } = logger;

    /// <summary>The variable's value; a clear init error naming it when the function does not set it.</summary>
    public string RequireVariable(string name, string purpose)
    {
        var value = Environment.GetVariable(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new MissingEnvironmentVariableException($"The environment variable {name} is not set: handler {HandlerName} needs it for {purpose}.")
            : value;
    }
}
