using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>
/// Everything a notice says, before it is written as text or JSON. <see cref="Annotation"/> may be a cut-down
/// version of the change's annotation (see <see cref="SnsMessageComposer"/>).
/// </summary>
public sealed record ComplianceNotice
{
    public required NoticeKind Kind { get; init; }
    public required ComplianceChange Change { get; init; }
    /// <summary>Our catalog's definition of the rule, or null for a rule that is not ours.</summary>
    public RuleDefinition? Rule { get; init; }
    public string? Annotation { get; init; }
    public bool AnnotationTruncated { get; init; }
    /// <summary>For an <see cref="NoticeKind.Exemption"/>: what the exemption's annotation says (until, by whom, why).</summary>
    public ExemptionAnnotationDetails? Exemption { get; init; }

    public string Severity => CatalogRuleMatcher.SeverityName(Rule);

    /// <summary>The rule's page in the AWS Config console, in the rule's own region.</summary>
    public string ConsoleUrl
    {
        get
        {
            var region = Uri.EscapeDataString(Change.AwsRegion);
            return $"https://{region}.console.aws.amazon.com/config/home?region={region}#/rules/details?configRuleName={Uri.EscapeDataString(Change.ConfigRuleName)}";
        }
    }

    /// <summary>Where the rule is documented in this package: rules/&lt;id&gt;/README.md.</summary>
    public string? Documentation => Rule is null ? null : $"rules/{Rule.Id}/README.md";

    public string Subject => SubjectLine.Compose(Kind, Change.ConfigRuleName, Change.ResourceId, Change.AwsAccountId, Change.AwsRegion);

    public static ComplianceNotice For(NoticeKind kind, ComplianceChange change, CatalogRuleMatcher matcher) => new()
    {
        Kind = kind,
        Change = change,
        Rule = matcher.Match(change.ConfigRuleName),
        Annotation = change.Annotation,
        Exemption = kind == NoticeKind.Exemption && ExemptionAnnotation.TryParse(change.Annotation, out var exemption) ? exemption : null,
    };

    /// <summary>
    /// The message attributes subscription filter policies match on, all String: the contract's seven, and
    /// <c>notice</c> (NON_COMPLIANT, RESOLVED or EXEMPTED), which tells an exemption from a fix.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes =>
    [
        new("notice", Kind.Label()),
        new("complianceType", Change.NewComplianceType.ToWire()),
        new("configRuleName", Change.ConfigRuleName),
        new("resourceType", Change.ResourceType),
        new("resourceId", Change.ResourceId),
        new("awsAccountId", Change.AwsAccountId),
        new("awsRegion", Change.AwsRegion),
        new("severity", Severity),
    ];
}
