using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>
/// Flags functions whose execution role (<c>configuration.role</c>) matches no allowed pattern, does not exist,
/// has a forbidden managed policy attached, or lacks a required permissions boundary. The role's policies and
/// boundary come from <see cref="IExecutionRoleLookup"/>.
/// </summary>
public sealed class LambdaExecutionRoleCheck : ConfigRule<LambdaExecutionRoleCheckParameters>
{
    public override RuleDefinition Definition => LambdaExecutionRoleCheckDefinition.Value;

    protected override LambdaExecutionRoleCheckParameters ReadParameters(ParameterReader reader) =>
        LambdaExecutionRoleCheckParameters.Read(reader);

    protected override async ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, LambdaExecutionRoleCheckParameters parameters, RuleContext context, CancellationToken cancellationToken)
    {
        var roleArn = item.Configuration.GetStringOrNull("role");
        if (string.IsNullOrEmpty(roleArn))
            return Verdict.NotApplicable("The configuration records no execution role, so there is nothing to judge.");

        // A role the template creates: its policies and boundary are judged from the template; its ARN is assigned at deployment.
        var assigned = DeploymentAssignedArn.IsAssigned(roleArn);
        var findings = new List<string>(3);
        if (!assigned && !parameters.AllowsRole(roleArn))
            findings.Add(RoleAnnotations.NotAllowed(roleArn, parameters.AllowedRoleArnPatterns));

        if (parameters.NeedsRoleDetails)
        {
            var found = await context.Services.GetRequired<IExecutionRoleLookup>().FindRoleAsync(roleArn, cancellationToken).ConfigureAwait(false);
            if (found.NotApplicableVerdict is { } unknown)
            {
                // Offline without the role's details: the pattern finding alone already decides; else nothing can be told.
                return findings.Count > 0 ? Verdict.NonCompliant(findings[0]) : unknown;
            }
            var role = found.Value;
            if (role is null)
            {
                findings.Insert(0, RoleAnnotations.DoesNotExist(roleArn));
            }
            else
            {
                var attached = parameters.ForbiddenPolicyArns
                    .Where(forbidden => role.AttachedPolicyArns.Contains(forbidden, StringComparer.Ordinal))
                    .ToArray();
                if (attached.Length > 0) findings.Add(RoleAnnotations.ForbiddenPolicies(role.RoleName, attached));
                if (parameters.RequirePermissionsBoundary && string.IsNullOrEmpty(role.PermissionsBoundaryArn))
                    findings.Add(RoleAnnotations.NoBoundary(role.RoleName));
            }
        }

        if (findings.Count > 0) return Verdict.NonCompliant(string.Join(" ", findings));
        if (assigned && parameters.AllowedRoleArnPatterns.Count > 0)
            return Verdict.NotApplicable(RoleAnnotations.ArnAssignedAtDeployment(RoleArn.DisplayName(roleArn)));
        return Verdict.Compliant(RoleAnnotations.Passed(RoleArn.DisplayName(roleArn), parameters));
    }
}
