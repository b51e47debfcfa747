using System.Text.RegularExpressions;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;
using ConfigRules.Framework.Text;

namespace ConfigRules.Rules.LambdaHandlerName;

/// <summary>lambda-handler-name-check's parameters.</summary>
/// <param name="HandlerPattern">The pattern the whole handler must match (anchored, with a match timeout); null: the runtime's convention.</param>
public sealed record LambdaHandlerNameCheckParameters(Regex? HandlerPattern);

/// <summary>
/// Flags functions whose handler does not match <c>handlerPattern</c> in full, or, without it, the conventional
/// handler shape of the runtime's language family.
/// </summary>
public sealed class LambdaHandlerNameCheck : ConfigRule<LambdaHandlerNameCheckParameters>
{
    public override RuleDefinition Definition => LambdaHandlerNameCheckDefinition.Value;

    protected override LambdaHandlerNameCheckParameters ReadParameters(ParameterReader reader) =>
        new(reader.GetFullMatchRegex("handlerPattern"));

    protected override ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, LambdaHandlerNameCheckParameters parameters, RuleContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Judge(item, parameters));

    private Verdict Judge(ConfigurationItem item, LambdaHandlerNameCheckParameters parameters)
    {
        if (LambdaFunctionFacts.IsContainerImage(item))
            return Verdict.NotApplicable(LambdaFunctionFacts.ContainerImageNote);
        var handler = item.Configuration.GetStringOrNull("handler");
        if (string.IsNullOrEmpty(handler))
            return Verdict.NotApplicable("The configuration records no handler, so there is nothing to judge.");

        // Handlers run to 128 characters: quote at most 60 so the fix still fits in the annotation.
        var shown = TextShortening.Shorten(handler, 60);
        if (parameters.HandlerPattern is { } pattern)
        {
            return Matches(pattern, handler)
                ? Verdict.Compliant($"Handler {shown} matches handlerPattern.")
                : Verdict.NonCompliant(
                    $"Handler {shown} does not match handlerPattern {Shorten(pattern)}; rename the handler or change lambda-handler-name-check's handlerPattern.");
        }

        var runtime = item.Configuration.GetStringOrNull("runtime");
        if (string.IsNullOrEmpty(runtime) || HandlerConventions.ForRuntime(runtime) is not { } convention)
        {
            return Verdict.NotApplicable(
                $"No conventional handler shape is known for runtime {(string.IsNullOrEmpty(runtime) ? "(none recorded)" : runtime)}; set handlerPattern to check this function.");
        }
        return Matches(convention.Pattern, handler)
            ? Verdict.Compliant($"Handler {shown} has the {convention.Family} shape.")
            : Verdict.NonCompliant(
                $"Handler {shown} does not have the {convention.Family} shape {convention.Shape}; rename the handler or set lambda-handler-name-check's handlerPattern.");
    }

    /// <summary>
    /// A pattern that times out is the parameter's fault, not the function's: the invocation fails as a
    /// parameter error (nothing is posted) rather than blaming the function or passing it silently.
    /// </summary>
    private bool Matches(Regex pattern, string handler)
    {
        try
        {
            return pattern.IsMatch(handler);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new InvalidParameterValueException(Definition.Id,
            [
                $"parameter 'handlerPattern' took longer than {pattern.MatchTimeout.TotalMilliseconds:0} ms to match the handler '{TextShortening.Shorten(handler, 60)}'; " +
                "expected a pattern without nested or overlapping repetition (such as (a+)+) that matches in linear time.",
            ]);
        }
    }

    /// <summary>The pattern as the user wrote it (without the ^(?:...)$ the reader wraps around it), kept short.</summary>
    private static string Shorten(Regex pattern)
    {
        var text = pattern.ToString();
        if (text.StartsWith("^(?:", StringComparison.Ordinal) && text.EndsWith(")$", StringComparison.Ordinal)) text = text[4..^2];
        return TextShortening.Shorten(text, 60);
    }
}
