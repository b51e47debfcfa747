namespace ConfigRules.LambdaRuntime.Errors;

/// <summary>The invocation ran into the safety margin before Lambda's deadline and was stopped.</summary>
public sealed class InvocationDeadlineException : Exception
{
    public InvocationDeadlineException(string message, Exception? inner) : base(message, inner) { }

    public InvocationDeadlineException() : this("The invocation ran out of time.", null) { }

    public InvocationDeadlineException(string message) : this(message, null) { }
}

/// <summary><c>_HANDLER</c> names no handler of this bootstrap (or is unset); the message lists the accepted names.</summary>
public sealed class UnknownHandlerException : Exception
{
    public UnknownHandlerException(string message) : base(message) { }

    public UnknownHandlerException() : this("Unknown handler.") { }

    public UnknownHandlerException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A handler needs an environment variable that the function does not set.</summary>
public sealed class MissingEnvironmentVariableException : Exception
{
    public MissingEnvironmentVariableException(string message) : base(message) { }

    public MissingEnvironmentVariableException() : this("A required environment variable is missing.") { }

    public MissingEnvironmentVariableException(string message, Exception inner) : base(message, inner) { }
}
