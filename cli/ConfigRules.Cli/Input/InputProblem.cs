namespace ConfigRules.Cli.Input;

/// <summary>Something wrong with an input: the file, the line where there is one, and what was expected.</summary>
public sealed record InputProblem(string File, long? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}

/// <summary>An input that cannot be read any further (missing file, broken JSON): reading that input stops.</summary>
public sealed class InputException(InputProblem problem, Exception? inner = null) : Exception(problem.ToString(), inner)
{
    public InputProblem Problem { get; } = problem;
}
