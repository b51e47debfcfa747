using ConfigRules.Cli.Sources;

namespace ConfigRules.Cli.Input;

/// <summary>
/// One input file: <paramref name="Name"/> is what messages call it (the path as given, or "-" for stdin),
/// <paramref name="Path"/> where it is read from; <paramref name="Explicit"/> when named on the command line
/// rather than found in a folder.
/// </summary>
public sealed record InputFile(string Name, string Path, bool Explicit);

/// <summary>
/// Turns the command line's inputs into files: folders recursively (sorted, hidden entries skipped), "-" for stdin,
/// and with <paramref name="s3"/> s3:// objects and prefixes.
/// </summary>
public static class InputFiles
{
    public const string StandardInput = "-";

    /// <summary>What messages and reports call standard input.</summary>
    public const string StandardInputName = "stdin";

    public static IReadOnlyList<InputFile> Expand(IReadOnlyList<string> arguments, Func<string, bool> wanted, List<InputProblem> problems, S3Inputs? s3 = null)
    {
        var files = new List<InputFile>();
        foreach (var argument in arguments)
        {
            if (S3Inputs.IsS3(argument))
            {
                if (s3 is null) problems.Add(new InputProblem(argument, null, "S3 objects are read by configrules evaluate; give a local file or folder here."));
                else files.AddRange(s3.Expand(argument, problems));
            }
            else if (argument == StandardInput) files.Add(new InputFile(StandardInputName, StandardInput, true));
            else if (File.Exists(argument)) files.Add(new InputFile(argument, argument, true));
            else if (Directory.Exists(argument))
            {
                var found = Directory.EnumerateFiles(argument, "*", new EnumerationOptions
                    {
                        RecurseSubdirectories = true,
                        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                        IgnoreInaccessible = false,
                    })
                    .Where(path => !System.IO.Path.GetFileName(path).StartsWith('.') && wanted(path))
                    .Order(StringComparer.Ordinal)
                    .Select(path => new InputFile(path, path, false))
                    .ToList();
                if (found.Count == 0) problems.Add(new InputProblem(argument, null, "the folder holds no input files."));
                files.AddRange(found);
            }
            else problems.Add(new InputProblem(argument, null, "no such file or folder."));
        }
        return files;
    }
}
