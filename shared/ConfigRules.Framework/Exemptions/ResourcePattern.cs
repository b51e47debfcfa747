namespace ConfigRules.Framework.Exemptions;

/// <summary>
/// An exemption's resourceId: <c>*</c> stands for any run of characters (none included), <c>?</c> for exactly
/// one; everything else matches itself, ordinal and case-sensitive, and the pattern covers the whole id.
/// </summary>
public static class ResourcePattern
{
    /// <summary>
    /// Greedy matching with one backtrack point (the last <c>*</c>): linear in practice and never exponential,
    /// whatever the pattern, unlike a naive recursive matcher or a regular expression built from it.
    /// </summary>
    public static bool Matches(string pattern, string value)
    {
        int p = 0, v = 0, starAt = -1, valueAtStar = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || (pattern[p] != '*' && pattern[p] == value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starAt = p++;
                valueAtStar = v;
            }
            else if (starAt >= 0)
            {
                // Let the last star swallow one more character and try again from there.
                p = starAt + 1;
                v = ++valueAtStar;
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
