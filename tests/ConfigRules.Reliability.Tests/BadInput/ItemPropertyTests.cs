using System.Text.Json.Nodes;
using ConfigRules.Framework.Model;
using ConfigRules.Rules;
using CsCheck;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Reliability.Tests.BadInput;

/// <summary>
/// Any configuration item, in either shape, is read into the model or refused with
/// InvalidConfigurationItemException; every rule judges a readable item (with its default parameters) or
/// refuses with a clear error, never another exception.
/// </summary>
public class ItemPropertyTests
{
    private static readonly string[] ConfigurationNames =
        ["timeout", "memorySize", "runtime", "handler", "codeSize", "layers", "role", "packageType", "endpointConfiguration", "reservedConcurrentExecutions", "functionName"];

    /// <summary>An item of a random rule's resource type whose configuration, supplementary values and fields are drawn at random.</summary>
    private static (JsonObject Item, bool ApiShape) OddItem(Random random)
    {
        var resourceType = RuleCatalog.Definitions[random.Next(RuleCatalog.Definitions.Count)].ResourceTypes[0];
        var item = EventMutator.ValidItem(resourceType, random);
        var configuration = (JsonObject)item["configuration"]!;
        for (var i = random.Next(1, 6); i > 0; i--) JsonChaos.MutateMember(configuration, random, ConfigurationNames);
        if (configuration["layers"] is null && random.Next(2) == 0)
            configuration["layers"] = new JsonArray(new JsonObject { ["arn"] = "arn:aws:lambda:us-east-1:123456789012:layer:x:1", ["codeSize"] = JsonChaos.Value(random, 0) });
        if (random.Next(3) == 0)
            item["supplementaryConfiguration"] = new JsonObject { ["Concurrency"] = new JsonObject { ["reservedConcurrentExecutions"] = JsonChaos.Value(random, 1) } };
        if (random.Next(4) == 0) JsonChaos.MutateMember(item, random, ["configurationItemStatus", "tags", "relationships", "configurationItemCaptureTime", "ARN"]);

        var apiShape = random.Next(2) == 0;
        if (apiShape)
        {
            // The API shape carries configuration and supplementary values as JSON text, sometimes damaged.
            var text = item["configuration"]!.ToJsonString();
            item["configuration"] = random.Next(5) == 0 ? text[..random.Next(text.Length)] : text;
            if (item["supplementaryConfiguration"] is JsonObject supplementary)
                foreach (var key in supplementary.Select(p => p.Key).ToList()) supplementary[key] = supplementary[key]?.ToJsonString();
        }
        return (item, apiShape);
    }

    [Test]
    public void Odd_items_are_judged_or_refused_clearly_by_every_rule()
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        ChoiceRandom.Gen.Select(OddItem).Sample(sample =>
        {
            ConfigurationItem item;
            try
            {
                item = ConfigurationItemMapper.Parse(sample.Item.ToJsonString());
            }
            catch (InvalidConfigurationItemException ex)
            {
                InputOutcome.CheckMessage(ex);
                lock (outcomes) outcomes["unreadable"] = outcomes.GetValueOrDefault("unreadable") + 1;
                return;
            }
            foreach (var rule in RuleCatalog.All)
            {
                var outcome = InputOutcome.Evaluate(rule, item, rule.ParseParameters(new Dictionary<string, string>())) ?? "verdict";
                outcome.Should().Be("verdict", "{0} judges any readable item with its default parameters", rule.Definition.Id);
                lock (outcomes) outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }, iter: 3000, threads: 1, print: s => s.Item.ToJsonString());

        TestContext.Out.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        outcomes.Should().ContainKeys("verdict", "unreadable");
    }
}
