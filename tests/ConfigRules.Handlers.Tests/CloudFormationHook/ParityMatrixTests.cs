using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;
using ConfigRules.CloudFormation;
using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Handlers.CloudFormationHook;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Handlers.Tests.CloudFormationHook.HookRequests;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>
/// One matrix of functions and REST APIs, compliant and not for each rule, judged with the same parameters at all
/// three enforcement points: as a Config item through the rule functions' step (ItemEvaluator), in a template by
/// check-template's engine, and by the hook as RESOURCE, STACK and CHANGE_SET. The four template paths agree exactly;
/// each agrees with Config except where the template says a value is not known before deployment. A RESOURCE request
/// sees one resource, so the rules that read the template's other resources (a function's permissions) are
/// NOT_APPLICABLE there, saying so, and judged by STACK and CHANGE_SET.
/// </summary>
[TestFixture]
public sealed class ParityMatrixTests
{
    private const string Account = "123456789012";

    /// <summary>CONFIGRULES_RULES of the hook; the same strings are the Config rules' InputParameters and the CLI's.</summary>
    private const string Parameters = """
        {"lambda-runtime-check": {"allowedRuntimes": "python3.13,nodejs22.x,java21"},
         "lambda-handler-name-check": {"handlerPattern": "^[a-z_]+\\.handler$"},
         "lambda-memory-size-check": {"minMemorySize": "256", "maxMemorySize": "3008"},
         "lambda-timeout-check": {"maxTimeout": "60"},
         "lambda-concurrency-check": {"requireReservedConcurrency": "true", "concurrencyLimitHigh": "100"},
         "lambda-execution-role-check": {"allowedRoleArnPatterns": "arn:aws:iam::123456789012:role/app-*"},
         "lambda-code-size-check": {"maxCodeSizeBytes": "1048576"},
         "lambda-public-access-check": {},
         "lambda-error-alarm-check": {},
         "api-gateway-endpoint-type-check": {"allowedEndpointTypes": "PRIVATE,REGIONAL"}}
        """;

    /// <summary>A resource as a template states it and as Config records it once deployed.</summary>
    /// <remarks><paramref name="Permission"/>: the properties of an <c>AWS::Lambda::Permission</c> the template adds for the function.</remarks>
    private sealed record MatrixCase(string LogicalId, string Type, JsonObject Template, JsonObject Configuration, JsonObject? Supplementary = null,
        JsonObject? Permission = null);

    private static IReadOnlyList<MatrixCase> Cases() =>
    [
        Function("GoodFunction", runtime: "python3.13", handler: "orders.handler", memory: 512, timeout: 30, role: "app-orders", reserved: 10),
        Function("BadFunction", runtime: "python3.8", handler: "Orders::Run", memory: 128, timeout: 900, role: "admin", reserved: null),
        Function("TooConcurrentFunction", runtime: "nodejs22.x", handler: "index.handler", memory: 3008, timeout: 60, role: "app-batch", reserved: 500),
        Function("TooLargeFunction", runtime: "java21", handler: "app_main.handler", memory: 10240, timeout: 1, role: "app-big", reserved: 100),
        new("ImageFunction", "AWS::Lambda::Function",
            new JsonObject { ["PackageType"] = "Image", ["Code"] = new JsonObject { ["ImageUri"] = $"{Account}.dkr.ecr.eu-west-1.amazonaws.com/app:1" },
                ["MemorySize"] = 1024, ["Timeout"] = 30, ["Role"] = RoleArn("app-image"), ["ReservedConcurrentExecutions"] = 5 },
            new JsonObject { ["functionName"] = "ImageFunction", ["packageType"] = "Image", ["memorySize"] = 1024, ["timeout"] = 30,
                ["role"] = RoleArn("app-image"), ["codeSize"] = 0 },
            new JsonObject { ["Concurrency"] = new JsonObject { ["reservedConcurrentExecutions"] = 5 } }),
        PublicFunction("PublicFunction"),
        Api("EdgeApi", null, "EDGE"),
        Api("PrivateApi", "PRIVATE", "PRIVATE"),
        Api("RegionalApi", "REGIONAL", "REGIONAL"),
    ];

    [Test]
    public async Task Config_check_template_and_the_hooks_three_targets_agree_rule_by_rule()
    {
        var cases = Cases();
        var config = await ConfigAsync(cases);
        var template = await CheckTemplateAsync(cases);
        var resource = new Dictionary<(string, string), Judged>();
        foreach (var matrixCase in cases)
            Add(resource, await Hook(Parameters).HandleAsync(Resource(matrixCase.Type, Stringified(matrixCase.Template), matrixCase.LogicalId), CancellationToken.None));
        var stack = Judgements(await Hook(Parameters, new FakePayloads().With("https://payloads.example/matrix", StackPayload(TemplateText(cases))))
            .HandleAsync(Stack("https://payloads.example/matrix"), CancellationToken.None));
        var changeSet = Judgements(await Hook(Parameters, new FakePayloads().With("https://payloads.example/matrix-cs", ChangeSetPayload(
                [.. cases.Select((c, line) => ("CREATE", c.LogicalId, c.Type, Stringified(c.Template), line + 1)),
                 .. cases.Where(c => c.Permission is not null).Select((c, line) => ("CREATE", c.LogicalId + "Permission", PermissionType, Stringified(c.Permission!), cases.Count + line + 1))])))
            .HandleAsync(ChangeSet("https://payloads.example/matrix-cs"), CancellationToken.None));

        // The matrix means something: each rule a template can judge finds a NON_COMPLIANT case in it, and some cases pass.
        foreach (var rule in template.Where(e => e.Value.Compliance != "NOT_APPLICABLE").Select(e => e.Key.Rule).Distinct())
            config.Where(e => e.Key.Rule == rule).Select(e => e.Value.Compliance).Should().Contain("NON_COMPLIANT", rule);
        config.Values.Select(judged => judged.Compliance).Should().Contain("COMPLIANT");

        template.Keys.Should().BeEquivalentTo(config.Keys);
        foreach (var (key, judged) in template)
        {
            if (resource[key].Compliance != judged.Compliance)
            {
                resource[key].Compliance.Should().Be("NOT_APPLICABLE", $"RESOURCE agrees with check-template on {key}, or cannot tell");
                resource[key].Annotation.Should().Contain("seen only when the whole template is judged", $"RESOURCE says why it does not judge {key}");
            }
            stack[key].Compliance.Should().Be(judged.Compliance, $"STACK agrees with check-template on {key}");
            changeSet[key].Compliance.Should().Be(judged.Compliance, $"CHANGE_SET (values as strings) agrees with check-template on {key}");
            if (judged.Compliance == config[key].Compliance) continue;
            judged.Compliance.Should().Be("NOT_APPLICABLE", $"{key}: a template may only fall short of Config where it cannot know (Config: {config[key]})");
            judged.Annotation.Should().Contain("not known before deployment", $"{key} says why it is not judged");
        }
    }

    private sealed record Judged(string Compliance, string Annotation);

    /// <summary>The Config item of each case through ItemEvaluator, with the lookups an offline host registers for recorded items.</summary>
    private static async Task<Dictionary<(string Rule, string Id), Judged>> ConfigAsync(IReadOnlyList<MatrixCase> cases)
    {
        var results = new Dictionary<(string, string), Judged>();
        var rules = HookRuleSet.FromEnvironment(name => name == HookRuleSet.Variable ? Parameters : null, RuleCatalog.All);
        var services = RuleLookups.Offline(rules.Definitions, OfflineSource.RecordedItems).Services;
        var context = new RuleContext(Now, services);
        foreach (var matrixCase in cases)
        {
            var item = ConfigurationItemMapper.Parse(ConfigItemJson(matrixCase));
            foreach (var rule in rules.Rules.Where(r => r.Definition.Covers(item.ResourceType)))
            {
                var evaluation = await ItemEvaluator.EvaluateAsync(rule.Rule, rule.Parameters, item, context, Now, CancellationToken.None);
                results[(rule.Definition.Id, matrixCase.LogicalId)] = new Judged(Wire(evaluation.ComplianceType), evaluation.Annotation ?? "");
            }
        }
        return results;
    }

    /// <summary>The whole matrix as one template, judged by check-template's engine as the command runs it.</summary>
    private static async Task<Dictionary<(string Rule, string Id), Judged>> CheckTemplateAsync(IReadOnlyList<MatrixCase> cases)
    {
        var hookRules = HookRuleSet.FromEnvironment(name => name == HookRuleSet.Variable ? Parameters : null, RuleCatalog.All);
        var raw = JsonSerializer.Deserialize(Parameters, HookJsonContext.Default.DictionaryStringDictionaryStringString)!;
        var rules = hookRules.Rules.Select(r => new SelectedRule(r.Rule, r.Parameters, raw[r.Definition.Id])).ToList();
        var related = new RelatedItems(rules, OfflineSource.Template);
        var engine = new EvaluationEngine(rules, new RuleContext(Now, related.Services));
        var sink = new CollectingSink();
        foreach (var templateItem in TemplateReader.Read(TemplateDocument.Load("matrix.json", TemplateText(cases))))
            await engine.EvaluateAsync(templateItem.Item, templateItem.Unknowns, sink, CancellationToken.None);
        engine.RuleFailures.Should().BeEmpty();
        return sink.Findings.ToDictionary(f => (f.RuleId, f.Evaluation.ComplianceResourceId), f => new Judged(Wire(f.Compliance), f.Evaluation.Annotation ?? ""));
    }

    private static Dictionary<(string Rule, string Id), Judged> Judgements(HookResponse response)
    {
        var results = new Dictionary<(string, string), Judged>();
        Add(results, response);
        return results;
    }

    private static void Add(Dictionary<(string Rule, string Id), Judged> results, HookResponse response)
    {
        foreach (var annotation in response.Annotations)
        {
            var colon = annotation.StatusMessage!.IndexOf(": ", StringComparison.Ordinal);
            var compliance = annotation.Status switch { "PASSED" => "COMPLIANT", "FAILED" => "NON_COMPLIANT", _ => "NOT_APPLICABLE" };
            results.Add((annotation.AnnotationName, annotation.StatusMessage[..colon]), new Judged(compliance, annotation.StatusMessage[(colon + 2)..]));
        }
    }

    private static string Wire(ComplianceType compliance) => compliance switch
    {
        ComplianceType.Compliant => "COMPLIANT",
        ComplianceType.NonCompliant => "NON_COMPLIANT",
        _ => "NOT_APPLICABLE",
    };

    private static MatrixCase Function(string logicalId, string runtime, string handler, int memory, int timeout, string role, int? reserved)
    {
        var template = new JsonObject
        {
            ["FunctionName"] = logicalId, ["Runtime"] = runtime, ["Handler"] = handler, ["MemorySize"] = memory, ["Timeout"] = timeout,
            ["Role"] = RoleArn(role), ["Code"] = new JsonObject { ["S3Bucket"] = "artifacts", ["S3Key"] = $"{logicalId}.zip" },
        };
        if (reserved is { } value) template["ReservedConcurrentExecutions"] = value;
        var configuration = new JsonObject
        {
            ["functionName"] = logicalId, ["runtime"] = runtime, ["handler"] = handler, ["memorySize"] = memory, ["timeout"] = timeout,
            ["role"] = RoleArn(role), ["packageType"] = "Zip", ["codeSize"] = 2048,
        };
        var supplementary = reserved is { } limit ? new JsonObject { ["Concurrency"] = new JsonObject { ["reservedConcurrentExecutions"] = limit } } : null;
        return new MatrixCase(logicalId, "AWS::Lambda::Function", template, configuration, supplementary);
    }

    /// <summary>A compliant function but for an AWS::Lambda::Permission that lets anyone invoke it (Config records the resulting policy).</summary>
    private static MatrixCase PublicFunction(string logicalId)
    {
        var function = Function(logicalId, runtime: "python3.13", handler: "orders.handler", memory: 512, timeout: 30, role: "app-public", reserved: 10);
        var policy = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Sid"] = "public", ["Effect"] = "Allow", ["Principal"] = "*", ["Action"] = "lambda:InvokeFunction",
                ["Resource"] = $"arn:aws:lambda:eu-west-1:{Account}:function:{logicalId}",
            }),
        };
        function.Supplementary!["Policy"] = policy.ToJsonString();
        var permission = new JsonObject
        {
            ["FunctionName"] = new JsonObject { ["Ref"] = logicalId }, ["Action"] = "lambda:InvokeFunction", ["Principal"] = "*",
        };
        return function with { Permission = permission };
    }

    private const string PermissionType = "AWS::Lambda::Permission";

    /// <summary>A REST API; without EndpointConfiguration CloudFormation creates it EDGE, as Config then records it.</summary>
    private static MatrixCase Api(string logicalId, string? templateType, string recordedType)
    {
        var template = new JsonObject { ["Name"] = logicalId };
        if (templateType is not null) template["EndpointConfiguration"] = new JsonObject { ["Types"] = new JsonArray(templateType) };
        var configuration = new JsonObject
        {
            ["id"] = "a1b2c3d4e5", ["name"] = logicalId, ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray(recordedType) },
        };
        return new MatrixCase(logicalId, "AWS::ApiGateway::RestApi", template, configuration);
    }

    private static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    private static string ConfigItemJson(MatrixCase matrixCase) => new JsonObject
    {
        ["resourceType"] = matrixCase.Type,
        ["resourceId"] = matrixCase.LogicalId,
        ["resourceName"] = matrixCase.LogicalId,
        ["awsRegion"] = "eu-west-1",
        ["awsAccountId"] = Account,
        ["configurationItemStatus"] = "OK",
        ["configurationItemCaptureTime"] = "2026-12-01T08:00:00.000Z",
        ["configuration"] = matrixCase.Configuration.DeepClone(),
        ["supplementaryConfiguration"] = matrixCase.Supplementary?.DeepClone() ?? new JsonObject(),
    }.ToJsonString();

    private static string TemplateText(IReadOnlyList<MatrixCase> cases)
    {
        var resources = new JsonObject();
        foreach (var matrixCase in cases)
        {
            resources[matrixCase.LogicalId] = new JsonObject { ["Type"] = matrixCase.Type, ["Properties"] = matrixCase.Template.DeepClone() };
            if (matrixCase.Permission is { } permission)
                resources[matrixCase.LogicalId + "Permission"] = new JsonObject { ["Type"] = PermissionType, ["Properties"] = permission.DeepClone() };
        }
        return new JsonObject { ["Resources"] = resources }.ToJsonString();
    }

    /// <summary>The properties as CloudFormation hands them to a hook: every number and boolean a string.</summary>
    private static JsonObject Stringified(JsonObject properties) => (JsonObject)Stringify(properties)!;

    private static JsonNode? Stringify(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Stringify(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Stringify)]),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => JsonValue.Create(v.ToJsonString().Trim('"')),
        _ => node?.DeepClone(),
    };

    private sealed class CollectingSink : IFindingSink
    {
        public List<Finding> Findings { get; } = [];

        public void Add(Finding finding) => Findings.Add(finding);
    }
}
