using System.Text.Json.Serialization;

namespace ConfigRules.Cli.Reporting.Sarif;

// The part of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) that configrules writes, as typed
// records serialized by SarifJsonContext. Null members are left out, as the specification prefers.

public sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

public sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results, SarifRunProperties Properties);

/// <summary>The run's counts of every compliance type (code scanning shows only results; the counts say what passed).</summary>
public sealed record SarifRunProperties(long Compliant, long NonCompliant, long NotApplicable, long Exempted);

public sealed record SarifTool(SarifDriver Driver);

public sealed record SarifDriver(string Name, string InformationUri, string SemanticVersion, IReadOnlyList<SarifRule> Rules);

/// <param name="Id">The rule id: stable, what results refer to.</param>
/// <param name="Name">A readable name that differs from the id (SARIF 3.49.7): the id in PascalCase.</param>
public sealed record SarifRule(
    string Id,
    string Name,
    SarifMessage ShortDescription,
    SarifMessage FullDescription,
    SarifMessage Help,
    SarifRuleConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

public sealed record SarifRuleConfiguration(string Level);

/// <param name="SecuritySeverity">GitHub code scanning ranks alerts by this score (0.1 to 10), as text.</param>
public sealed record SarifRuleProperties(
    string Severity,
    [property: JsonPropertyName("security-severity")] string SecuritySeverity,
    bool Exemptible,
    IReadOnlyList<string> Tags);

public sealed record SarifMessage(string Text);

public sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyList<SarifSuppression>? Suppressions,
    SarifResultProperties Properties);

/// <summary>An exempted finding: <c>kind</c> external (the exemptions document), the exemption's reason as justification.</summary>
public sealed record SarifSuppression(string Kind, string Justification, SarifSuppressionProperties Properties);

public sealed record SarifSuppressionProperties(string Owner, string? Ticket, string Expires);

public sealed record SarifResultProperties(string ResourceType, string ResourceId);

public sealed record SarifLocation(SarifPhysicalLocation? PhysicalLocation, IReadOnlyList<SarifLogicalLocation> LogicalLocations);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region);

public sealed record SarifArtifactLocation(string Uri);

public sealed record SarifRegion(int StartLine);

public sealed record SarifLogicalLocation(string Name, string FullyQualifiedName, string Kind);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SarifLog))]
internal sealed partial class SarifJsonContext : JsonSerializerContext;
