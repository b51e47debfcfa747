using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaExecutionRole;

namespace ConfigRules.Cli.Tests.Support;

/// <summary>Small rules of the tests' own, so the CLI's machinery is tested apart from the real rules' judgement.</summary>
public static class TestRules
{
    public static IReadOnlyList<IConfigRule> All { get; } = [new MemoryRule(), new RoleRule(), new EndpointRule()];

    public sealed record MemoryParameters(long MaxMemory);

    /// <summary>test-memory-check: memorySize above maxMemory (default 1024) is NON_COMPLIANT.</summary>
    public sealed class MemoryRule : ConfigRule<MemoryParameters>
    {
        public override RuleDefinition Definition { get; } = new()
        {
            Id = "test-memory-check",
            Title = "Test memory limit",
            Description = "Flags functions with more memory than maxMemory.",
            ResourceTypes = ["AWS::Lambda::Function"],
            Severity = Severity.Medium,
            Parameters = [new("maxMemory", ParameterKind.Integer, "1024", "Largest memory, MB.", Minimum: 128)],
            Remediation = "Lower MemorySize.",
        };

        protected override MemoryParameters ReadParameters(ParameterReader reader) => new(reader.GetInteger("maxMemory") ?? 1024);

        protected override ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, MemoryParameters parameters, RuleContext context, CancellationToken cancellationToken)
        {
            if (!item.Configuration.TryGetInt64("memorySize", out var memory)) return ValueTask.FromResult(Verdict.NotApplicable("no memorySize"));
            return ValueTask.FromResult(memory > parameters.MaxMemory
                ? Verdict.NonCompliant($"Memory {memory} MB exceeds {parameters.MaxMemory} MB.")
                : Verdict.Compliant());
        }
    }

    /// <summary>test-role-check: a role with AdministratorAccess attached is NON_COMPLIANT (reads roles through the lookup).</summary>
    public sealed class RoleRule : ConfigRule<object>
    {
        public override RuleDefinition Definition { get; } = new()
        {
            Id = "test-role-check",
            Title = "Test role",
            Description = "Flags functions whose role has AdministratorAccess.",
            ResourceTypes = ["AWS::Lambda::Function"],
            Severity = Severity.High,
            Parameters = [],
            Lookups = [.. LambdaExecutionRoleCheckDefinition.Value.Lookups],
            Remediation = "Detach AdministratorAccess.",
        };

        protected override object ReadParameters(ParameterReader reader) => new();

        protected override async ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, object parameters, RuleContext context, CancellationToken cancellationToken)
        {
            var arn = item.Configuration.GetStringOrNull("role");
            if (arn is null) return Verdict.NotApplicable("no role");
            var role = await context.Services.GetRequired<IExecutionRoleLookup>().GetRoleAsync(arn, cancellationToken);
            if (role is null) return Verdict.NonCompliant($"Role {arn} does not exist.");
            return role.AttachedPolicyArns.Any(p => p.EndsWith("/AdministratorAccess", StringComparison.Ordinal))
                ? Verdict.NonCompliant($"Role {role.RoleName} has AdministratorAccess.")
                : Verdict.Compliant();
        }
    }

    /// <summary>test-endpoint-check: any endpoint type but PRIVATE is NON_COMPLIANT.</summary>
    public sealed class EndpointRule : ConfigRule<object>
    {
        public override RuleDefinition Definition { get; } = new()
        {
            Id = "test-endpoint-check",
            Title = "Test endpoint",
            Description = "Flags non-private REST APIs.",
            ResourceTypes = ["AWS::ApiGateway::RestApi"],
            Severity = Severity.Low,
            Parameters = [],
            Remediation = "Make it PRIVATE.",
        };

        protected override object ReadParameters(ParameterReader reader) => new();

        protected override ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, object parameters, RuleContext context, CancellationToken cancellationToken)
        {
            var types = item.Configuration.TryGetProperty("endpointConfiguration", out var endpoint) ? endpoint.GetStringArray("types") : [];
            return ValueTask.FromResult(types.All(t => t == "PRIVATE") && types.Count > 0
                ? Verdict.Compliant()
                : Verdict.NonCompliant($"Endpoint types {string.Join(",", types)} are not PRIVATE."));
        }
    }
}
