using ConfigRules.Framework.Events;

namespace ConfigRules.Framework.Exemptions;

/// <summary>
/// The exemptions document cannot be used: it could not be read, or it is not valid. The whole document is
/// refused, so nothing is exempted until it is fixed; the message names the source and every problem.
/// </summary>
public sealed class InvalidExemptionsException : ConfigRulesException
{
    public const string ErrorTypeName = "InvalidExemptionsException";

    /// <summary>A document that was read but is not valid: one line per problem, in document order.</summary>
    public InvalidExemptionsException(string sourceName, IReadOnlyList<ExemptionProblem> problems)
        : base(ErrorTypeName, FormatProblems(sourceName, problems))
    {
        SourceName = sourceName;
        Problems = problems;
    }

    /// <summary>A document that could not be read at all (S3 refused, the file is missing, ...).</summary>
    public InvalidExemptionsException(string sourceName, string cause, Exception? inner)
        : base(ErrorTypeName, $"Cannot read the exemptions document {sourceName}: {cause}", inner)
    {
        SourceName = sourceName;
        Problems = [];
    }

    public string SourceName { get; }

    /// <summary>Empty when the document could not be read; otherwise every problem found.</summary>
    public IReadOnlyList<ExemptionProblem> Problems { get; }

    /// <summary>The first problem's line, for tools that point at one place (the CLI's exit-2 message).</summary>
    public int? FirstLine => Problems.Count == 0 ? null : Problems[0].Line;

    private static string FormatProblems(string sourceName, IReadOnlyList<ExemptionProblem> problems)
    {
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        var lines = problems.Select(p => "  " + p.Describe(sourceName));
        return $"{sourceName} is not a valid exemptions document ({count}; nothing is exempted until it is fixed):\n{string.Join('\n', lines)}";
    }
}

/// <summary>One thing wrong with an exemptions document, located as precisely as the document allows.</summary>
/// <param name="Line">1-based line in the source.</param>
/// <param name="Entry">1-based entry number in <c>exemptions</c>, or null for the document itself.</param>
/// <param name="Field">The field concerned, or null for the entry or document as a whole.</param>
/// <param name="Message">What is wrong and what is accepted.</param>
public sealed record ExemptionProblem(int Line, int? Entry, string? Field, string Message)
{
    /// <summary>"exemptions.yaml:12: entry 2, expires: ..." (file and line first, as compilers write them).</summary>
    public string Describe(string sourceName)
    {
        var where = (Entry, Field) switch
        {
            (null, null) => "",
            (null, { } field) => $"{field}: ",
            ({ } entry, null) => $"entry {entry}: ",
            ({ } entry, { } field) => $"entry {entry}, {field}: ",
        };
        return $"{sourceName}:{Line}: {where}{Message}";
    }
}
