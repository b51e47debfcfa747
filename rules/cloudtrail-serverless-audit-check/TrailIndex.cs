using System.Text.Json;
using ConfigRules.Aws.CloudTrail;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.CloudTrailServerlessAudit;

/// <summary>
/// cloudtrail-serverless-audit-check's trails offline: the <c>AWS::CloudTrail::Trail</c> items of the same input,
/// by account. Field names are read in any casing (Config's recorder and CloudFormation spell them differently);
/// what an item does not say (whether the trail is logging, say) stays unknown.
/// </summary>
public sealed class TrailIndex(OfflineSource source) : RelatedItemIndex<ITrailLookup>([TrailResourceType]), ITrailLookup
{
    public const string TrailResourceType = "AWS::CloudTrail::Trail";

    private readonly Dictionary<string, TrailFacts> _trails = new(StringComparer.Ordinal);

    public override ITrailLookup Service => this;

    public override bool ReportsReads => true;

    public int Count => _trails.Count;

    public override void Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ResourceType != TrailResourceType || item.IsDeletedOrNotRecorded || !item.HasConfiguration) return;
        var facts = FromConfiguration(item.Configuration, item.ResourceName ?? item.ResourceId) with { AccountId = item.AwsAccountId };
        var key = $"{item.AwsAccountId}/{item.ResourceId}";
        _trails[key] = facts;
        Stored(key);
    }

    /// <summary>The account's trails, or that the input holds none of them (as a value, not an exception).</summary>
    public Task<LookupResult<IReadOnlyList<TrailFacts>>> FindTrailsAsync(string accountId, CancellationToken cancellationToken)
    {
        AnsweredFromAll();
        var trails = _trails.Values.Where(t => t.AccountId is null || t.AccountId == accountId).ToList();
        return Task.FromResult(trails.Count > 0
            ? LookupResult<IReadOnlyList<TrailFacts>>.Found(trails)
            : LookupResult<IReadOnlyList<TrailFacts>>.NotInInput(source.Kind == OfflineSourceKind.Template
                ? $"The template defines no {TrailResourceType}; trails of the account cannot be seen from it."
                : $"The input holds no {TrailResourceType} items of account {accountId}; add the account's trails to check it."));
    }

    /// <summary>For callers without a verdict of their own: "not in the input" as a <see cref="NotInInputException"/>.</summary>
    public async Task<IReadOnlyList<TrailFacts>> ListTrailsAsync(string accountId, CancellationToken cancellationToken) =>
        (await FindTrailsAsync(accountId, cancellationToken).ConfigureAwait(false)).ValueOrThrow();

    /// <summary>A trail from its recorded configuration or its template properties (CloudFormation names accepted too).</summary>
    public static TrailFacts FromConfiguration(JsonElement configuration, string fallbackName)
    {
        var hasBasic = RecordedFields.TryGet(configuration, out var basicJson, "eventSelectors") && basicJson.ValueKind == JsonValueKind.Array;
        var hasAdvanced = RecordedFields.TryGet(configuration, out var advancedJson, "advancedEventSelectors") && advancedJson.ValueKind == JsonValueKind.Array;
        IReadOnlyList<EventSelector>? basic = hasBasic ? [.. basicJson.EnumerateArray().Select(ReadBasic)] : null;
        IReadOnlyList<AdvancedEventSelector>? advanced = hasAdvanced ? [.. advancedJson.EnumerateArray().Select(ReadAdvanced)] : null;
        IReadOnlyList<string>? insights = RecordedFields.TryGet(configuration, out var insightJson, "insightSelectors") && insightJson.ValueKind == JsonValueKind.Array
            ? [.. insightJson.EnumerateArray().Select(s => RecordedFields.String(s, "insightType")).OfType<string>()]
            : null;
        return new TrailFacts(
            RecordedFields.String(configuration, "name", "trailName") ?? fallbackName,
            RecordedFields.Boolean(configuration, "isLogging"),
            RecordedFields.Boolean(configuration, "isMultiRegionTrail"),
            RecordedFields.Boolean(configuration, "logFileValidationEnabled", "enableLogFileValidation"),
            EventSelectorCoverage.Of(EventSelectorCoverage.LambdaType, basic, advanced),
            EventSelectorCoverage.Of(EventSelectorCoverage.S3ObjectType, basic, advanced),
            insights);
    }

    private static EventSelector ReadBasic(JsonElement selector) => new()
    {
        ReadWriteType = RecordedFields.String(selector, "readWriteType"),
        IncludeManagementEvents = RecordedFields.Boolean(selector, "includeManagementEvents"),
        DataResources = [.. RecordedFields.Array(selector, "dataResources").Select(resource => new DataResource
        {
            Type = RecordedFields.String(resource, "type"),
            Values = [.. RecordedFields.Strings(resource, "values")],
        })],
    };

    private static AdvancedEventSelector ReadAdvanced(JsonElement selector) => new()
    {
        Name = RecordedFields.String(selector, "name"),
        FieldSelectors = [.. RecordedFields.Array(selector, "fieldSelectors").Select(field => new AdvancedFieldSelector
        {
            Field = RecordedFields.String(field, "field"),
            EqualTo = Optional(field, "equals"),
            StartsWith = Optional(field, "startsWith"),
            EndsWith = Optional(field, "endsWith"),
            NotEquals = Optional(field, "notEquals"),
            NotStartsWith = Optional(field, "notStartsWith"),
            NotEndsWith = Optional(field, "notEndsWith"),
        })],
    };

    private static List<string>? Optional(JsonElement owner, string name) =>
        RecordedFields.TryGet(owner, out var value, name) && value.ValueKind == JsonValueKind.Array ? [.. RecordedFields.Strings(owner, name)] : null;
}
