using System.Text.Json.Serialization;

namespace ConfigRules.Framework.Model;

/// <summary>The result of evaluating one resource, spelled on the wire as AWS Config spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComplianceType>))]
public enum ComplianceType
{
    [JsonStringEnumMemberName("COMPLIANT")] Compliant,
    [JsonStringEnumMemberName("NON_COMPLIANT")] NonCompliant,
    [JsonStringEnumMemberName("NOT_APPLICABLE")] NotApplicable,
    [JsonStringEnumMemberName("INSUFFICIENT_DATA")] InsufficientData,
}

public static class ComplianceTypeNames
{
    public static string ToWire(this ComplianceType type) => type switch
    {
        ComplianceType.Compliant => "COMPLIANT",
        ComplianceType.NonCompliant => "NON_COMPLIANT",
        ComplianceType.NotApplicable => "NOT_APPLICABLE",
        ComplianceType.InsufficientData => "INSUFFICIENT_DATA",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown compliance type."),
    };

    public static bool TryParse(string? wire, out ComplianceType type)
    {
        switch (wire)
        {
            case "COMPLIANT": type = ComplianceType.Compliant; return true;
            case "NON_COMPLIANT": type = ComplianceType.NonCompliant; return true;
            case "NOT_APPLICABLE": type = ComplianceType.NotApplicable; return true;
            case "INSUFFICIENT_DATA": type = ComplianceType.InsufficientData; return true;
            default: type = default; return false;
        }
    }
}
