using System.Text.Json;
using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.ApiGatewayStageWaf;

/// <summary>
/// Web ACLs offline: the <c>AWS::WAFv2::WebACL</c> items of the same input (or the web ACLs a template defines),
/// reduced to their rules. Member names are read case-insensitively, because Config records them camelCase
/// (<c>rules[].statement.rateBasedStatement.limit</c>, <c>action.block</c>) and templates PascalCase.
/// </summary>
public sealed class WebAclIndex(OfflineSource source) : RelatedItemIndex<IWebAclLookup>([WebAclResourceType], StringComparer.OrdinalIgnoreCase), IWebAclLookup
{
    public const string WebAclResourceType = "AWS::WAFv2::WebACL";

    private readonly Dictionary<string, WebAclDescription> _byArn = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _byArn.Count;

    public override IWebAclLookup Service => this;

    public override bool ReportsReads => true;

    public override void Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ResourceType != WebAclResourceType || item.IsDeletedOrNotRecorded || !item.HasConfiguration) return;
        var configuration = item.Configuration;
        var arn = Text(configuration, "arn") ?? item.Arn;
        if (string.IsNullOrEmpty(arn)) return;
        var rules = new List<WebAclRule>();
        if (Member(configuration, "rules") is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var rule in array.EnumerateArray()) rules.Add(ReadRule(rule));
        }
        _byArn[arn] = new WebAclDescription(arn, Text(configuration, "name") ?? item.ResourceName ?? item.ResourceId, Text(configuration, "id") ?? "", rules);
        Stored(arn);
    }

    /// <summary>The web ACL, or that the input does not hold it (as a value, not an exception).</summary>
    public ValueTask<LookupResult<WebAclDescription?>> FindWebAclAsync(WebAclArn arn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arn);
        Answered(arn.Arn);
        return ValueTask.FromResult(_byArn.TryGetValue(arn.Arn, out var acl)
            ? LookupResult<WebAclDescription?>.Found(acl)
            : LookupResult<WebAclDescription?>.NotInInput(source.Kind == OfflineSourceKind.Template
                ? $"The web ACL {arn.Name} is not defined by the template, so its rules cannot be known before deployment; evaluate the account's {WebAclResourceType} items to check it."
                : $"The web ACL {arn.Name} is not {source.WhereToFind(WebAclResourceType)}."));
    }

    /// <summary>For callers without a verdict of their own: "not in the input" as a <see cref="NotInInputException"/>.</summary>
    public async ValueTask<WebAclDescription?> GetWebAclAsync(WebAclArn arn, CancellationToken cancellationToken) =>
        (await FindWebAclAsync(arn, cancellationToken).ConfigureAwait(false)).ValueOrThrow();

    private static WebAclRule ReadRule(JsonElement rule)
    {
        var rate = Member(Member(rule, "statement"), "rateBasedStatement");
        long? limit = rate is { } statement && Member(statement, "limit") is { } l && JsonValues.TryReadInt64(l, out var value) ? value : null;
        string? action = null;
        if (Member(rule, "action") is { ValueKind: JsonValueKind.Object } actions)
        {
            // RuleAction holds exactly one member; its name is the action. Spelled as the API spells it.
            foreach (var member in actions.EnumerateObject())
            {
                if (member.Value.ValueKind is JsonValueKind.Null) continue;
                action = char.ToUpperInvariant(member.Name[0]) + member.Name[1..].ToLowerInvariant();
                break;
            }
        }
        var priority = Member(rule, "priority") is { } p && JsonValues.TryReadInt64(p, out var number) ? number : 0;
        return new WebAclRule(Text(rule, "name") ?? "", priority, action, rate is not null, limit);
    }

    private static string? Text(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static JsonElement? Member(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj) return null;
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind is not JsonValueKind.Null)
                return property.Value;
        }
        return null;
    }
}
