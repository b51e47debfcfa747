using System.Text.Json.Serialization;

namespace ConfigRules.Framework.Model;

/// <summary>The result of evaluating one resource, spelled on the wire as AWS Config spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComplianceType>))]
public enum ComplianceType
{
    [JsonStringEnumMemberName(ComplianceTypeNames.Compliant)] Compliant,
    [JsonStringEnumMemberName(ComplianceTypeNames.NonCompliant)] NonCompliant,
    [JsonStringEnumMemberName(ComplianceTypeNames.NotApplicable)] NotApplicable,
    [JsonStringEnumMemberName(ComplianceTypeNames.InsufficientData)] InsufficientData,
}

/// <summary>The compliance types' wire names, as AWS Config spells them: the one place they are written.</summary>
public static class ComplianceTypeNames
{
    public const string Compliant = "COMPLIANT";
    public const string NonCompliant = "NON_COMPLIANT";
    public const string NotApplicable = "NOT_APPLICABLE";
    public const string InsufficientData = "INSUFFICIENT_DATA";

    public static string ToWire(this ComplianceType type) => type switch
    {
        ComplianceType.Compliant => Compliant,
        ComplianceType.NonCompliant => NonCompliant,
        ComplianceType.NotApplicable => NotApplicable,
        ComplianceType.InsufficientData => InsufficientData,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown compliance type."),
    };

    public static bool TryParse(string? wire, out ComplianceType type)
    {
        switch (wire)
        {
            case Compliant: type = ComplianceType.Compliant; return true;
            case NonCompliant: type = ComplianceType.NonCompliant; return true;
            case NotApplicable: type = ComplianceType.NotApplicable; return true;
            case InsufficientData: type = ComplianceType.InsufficientData; return true;
            default: type = default; return false;
        }
    }
}
