namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>
/// Matches an ARN against a pattern in which <c>*</c> stands for any run of characters (including none) and
/// every other character stands for itself. No regular expression is built from the pattern, so its text
/// cannot inject syntax or backtrack: the match is a plain scan, at worst pattern length times ARN length.
/// </summary>
public static class ArnWildcard
{
    public static bool IsMatch(string pattern, string value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                // Remember the star; first try letting it match nothing.
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && pattern[p] == value[v])
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                // Let the last star swallow one more character and retry from there.
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
