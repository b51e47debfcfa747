using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The parameters by which templates name the central deploy stack (its account, its function name prefix, the
/// member role's name), each declared here once with what it accepts; a template says only what it uses it for.
/// </summary>
internal static class CentralStackParameters
{
    /// <summary>What a member account's template says of the prefix: it is the central stack's.</summary>
    public const string CentralPrefixDescription = "FunctionNamePrefix of the central deploy stack.";

    public static YamlMap AccountId(string description) =>
        new YamlMap().Add("Type", "String").Add("Description", description).Add("AllowedPattern", "^[0-9]{12}$");

    /// <summary>Short enough for every name built from it (function, role, topic names have their own limits).</summary>
    public static YamlMap FunctionNamePrefix(string description) =>
        PackBuilder.StringParameter(Naming.DefaultPrefix, description).Add("AllowedPattern", "^[a-z][a-z0-9-]{0,19}$");

    /// <summary>The characters and length IAM accepts in a role name.</summary>
    public static YamlMap MemberRoleName(string description) =>
        PackBuilder.StringParameter(OrganizationCentral.DefaultMemberRoleName, description).Add("AllowedPattern", "^[A-Za-z0-9+=,.@_-]{1,64}$");
}
