using ConfigRules.Framework.Model;

namespace ConfigRules.CloudFormation;

/// <summary>
/// A template resource as the configuration item Config would record after deployment, with what the template
/// cannot tell: configuration field (<c>runtime</c>, <c>role</c> ...) to a note saying why it is unknown.
/// </summary>
public sealed record TemplateItem(ConfigurationItem Item, IReadOnlyDictionary<string, string> Unknowns);
