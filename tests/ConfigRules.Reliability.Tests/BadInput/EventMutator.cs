using System.Text;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Reliability.Tests.Fixtures;
using ConfigRules.Rules;
using CsCheck;

namespace ConfigRules.Reliability.Tests.BadInput;

/// <summary>A mutated event, the rule it is sent to, and the item Config holds for it (oversized and periodic events).</summary>
public sealed record MutatedEvent(IConfigRule Rule, byte[] Payload, ConfigurationItem? Recorded, string Mutations)
{
    public override string ToString() => $"{Rule.Definition.Id} [{Mutations}] {Encoding.UTF8.GetString(Payload.AsSpan(0, Math.Min(Payload.Length, 600)))}";
}

/// <summary>
/// Starts from a valid event of a random kind (change, oversized, periodic) for a random rule and applies zero to
/// four mutations anywhere: the envelope, invokingEvent, the item, its configuration, the rule parameters. Every
/// draw comes from a <see cref="ChoiceRandom"/>, so a failing event shrinks (fewer mutations, the first rule).
/// </summary>
public static class EventMutator
{
    /// <summary>Mutated events for any rule of the catalog, or for <paramref name="rule"/> only.</summary>
    public static Gen<MutatedEvent> Events(IConfigRule? rule = null) => ChoiceRandom.Gen.Select(random => Create(random, rule));

    private static readonly string[] EnvelopeNames = ["version", "invokingEvent", "ruleParameters", "resultToken", "eventLeftScope", "configRuleName", "configRuleArn", "executionRoleArn", "accountId"];
    private static readonly string[] InvokingNames = ["messageType", "configurationItem", "configurationItemSummary", "notificationCreationTime", "recordVersion"];
    private static readonly string[] ItemNames = ["resourceType", "resourceId", "resourceName", "ARN", "configurationItemStatus", "configurationItemCaptureTime", "configuration", "supplementaryConfiguration", "tags", "relationships", "awsAccountId"];
    private static readonly string[] ConfigurationNames = ["timeout", "memorySize", "runtime", "handler", "codeSize", "layers", "role", "packageType", "functionName", "endpointConfiguration", "reservedConcurrentExecutions"];

    /// <summary>A mutated event for <paramref name="fixedRule"/>, or for a rule drawn from <paramref name="random"/> when null.</summary>
    public static MutatedEvent Create(Random random, IConfigRule? fixedRule = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var drawn = RuleCatalog.All[random.Next(RuleCatalog.All.Count)];
        var rule = fixedRule ?? drawn;
        var resourceType = rule.Definition.ResourceTypes[0];
        var item = ValidItem(resourceType, random);
        var parameters = new JsonObject();
        foreach (var parameter in rule.Definition.Parameters.Where(_ => random.Next(3) == 0))
            parameters[parameter.Name] = parameter.Default ?? "x";

        var kind = random.Next(3);
        var mutations = new List<string>();
        var count = random.Next(0, 5);
        var envelopeMutations = new List<int>();
        for (var m = 0; m < count; m++)
        {
            var where = random.Next(5);
            switch (where)
            {
                case 0: envelopeMutations.Add(m); break;
                case 1: JsonChaos.MutateMember(item, random, ItemNames); mutations.Add("item"); break;
                case 2:
                    if (item["configuration"] is JsonObject configuration) JsonChaos.MutateMember(configuration, random, ConfigurationNames);
                    else item["configuration"] = JsonChaos.Value(random);
                    mutations.Add("configuration");
                    break;
                case 3: JsonChaos.MutateMember(parameters, random, rule.Definition.Parameters.Select(p => p.Name).ToList()); mutations.Add("ruleParameters"); break;
                default: mutations.Add("invokingEvent"); break;
            }
        }

        var resourceId = item["resourceId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : "unknown";
        var invoking = kind switch
        {
            0 => RuleEvents.ChangeInvoking(item),
            1 => RuleEvents.OversizedInvoking(resourceType, resourceId),
            _ => RuleEvents.ScheduledInvoking(RuleEvents.CaptureTime),
        };
        if (mutations.Contains("invokingEvent")) JsonChaos.MutateMember(invoking, random, InvokingNames);
        var envelope = RuleEvents.Envelope(invoking, $"token-{random.Next(1_000_000)}", rule.Definition.Id, parameters, eventLeftScope: random.Next(10) == 0);
        foreach (var _ in envelopeMutations)
        {
            JsonChaos.MutateMember(envelope, random, EnvelopeNames);
            mutations.Add("envelope");
        }
        return new MutatedEvent(rule, RuleEvents.Bytes(envelope), TryRecord(item), string.Join(",", mutations));
    }

    /// <summary>The item as Config would return it from its APIs, when it is readable at all.</summary>
    private static ConfigurationItem? TryRecord(JsonObject item)
    {
        try
        {
            return ConfigurationItemMapper.Parse(item.ToJsonString());
        }
        catch (InvalidConfigurationItemException)
        {
            return null;
        }
    }

    public static JsonObject ValidItem(string resourceType, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (resourceType == "AWS::ApiGateway::RestApi")
        {
            var item = RuleEvents.FunctionItem("a1b2c3d4e5", new JsonObject
            {
                ["id"] = "a1b2c3d4e5",
                ["name"] = "orders-api",
                ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray(new[] { "PRIVATE", "REGIONAL", "EDGE" }[random.Next(3)]) },
            });
            item["resourceType"] = resourceType;
            item["ARN"] = "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5";
            return item;
        }
        var name = "fn-" + random.Next(1000);
        return RuleEvents.FunctionItem(name, RuleEvents.FunctionConfiguration(name, random.Next(1, 901), random.Next(128, 10241),
            new[] { "python3.12", "nodejs18.x", "java21", "provided.al2023", "python2.7", "dotnet8" }[random.Next(6)],
            new[] { "app.handler", "index.handler", "bootstrap", "Example::Example.Function::Handler", "x" }[random.Next(5)]));
    }
}
