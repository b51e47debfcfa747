namespace ConfigRules.Cli.Commands;

/// <summary>The contract's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Nothing NON_COMPLIANT.</summary>
    public const int Clean = 0;
    /// <summary>Something NON_COMPLIANT.</summary>
    public const int NonCompliant = 1;
    /// <summary>A usage or input error (the message on stderr names the file and line).</summary>
    public const int Error = 2;
}
