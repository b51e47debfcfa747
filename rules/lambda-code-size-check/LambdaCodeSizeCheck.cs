using System.Globalization;
using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaCodeSize;

/// <summary>lambda-code-size-check's parameters.</summary>
public sealed record LambdaCodeSizeCheckParameters(long MaxCodeSizeBytes, bool IncludeLayers);

/// <summary>
/// Flags functions whose deployment package (<c>codeSize</c>, plus each layer's <c>codeSize</c> when
/// <c>includeLayers</c>) exceeds the maximum. A size equal to the maximum complies.
/// </summary>
public sealed class LambdaCodeSizeCheck : ConfigRule<LambdaCodeSizeCheckParameters>
{
    public override RuleDefinition Definition => LambdaCodeSizeCheckDefinition.Value;

    protected override LambdaCodeSizeCheckParameters ReadParameters(ParameterReader reader) =>
        // Both have catalog defaults, so the fallbacks only follow a reported problem.
        new(reader.GetInteger("maxCodeSizeBytes") ?? 0, reader.GetBoolean("includeLayers") ?? true);

    protected override ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, LambdaCodeSizeCheckParameters parameters, RuleContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Judge(item.Configuration, parameters));

    private static Verdict Judge(JsonElement configuration, LambdaCodeSizeCheckParameters parameters)
    {
        if (string.Equals(configuration.GetStringOrNull("packageType"), "Image", StringComparison.OrdinalIgnoreCase))
            return Verdict.NotApplicable("The function is a container image: codeSize does not measure images (ECR limits them separately).");
        if (!configuration.TryGetInt64("codeSize", out var own))
            return Verdict.NotApplicable(NumberBound.MissingNumberNote("codeSize", configuration));

        var layers = parameters.IncludeLayers ? ReadLayers(configuration) : new LayerSizes(0, 0, []);
        var total = own + layers.KnownBytes;
        var max = parameters.MaxCodeSizeBytes;
        if (total > max)
        {
            var parts = layers.Count == 0
                ? null
                : $"function {own} + {layers.Count} {(layers.Count == 1 ? "layer" : "layers")} {layers.KnownBytes}";
            return Verdict.NonCompliant(
                $"Code size {Size(total, parts)} exceeds the maximum of {Size(max)}; shrink the package or its layers, or raise lambda-code-size-check's maxCodeSizeBytes.");
        }
        if (layers.Unknown.Count > 0)
        {
            // The known part fits, but a layer of unknown size could tip it over: say so rather than guess.
            return Verdict.NotApplicable(
                $"Code size is at least {Size(total)} (maximum {Size(max)}), but the size of layer {layers.Unknown[0]} is not recorded, so the total is unknown.");
        }
        return Verdict.Compliant($"Code size {Size(total)} is within the maximum of {Size(max)}.");
    }

    private sealed record LayerSizes(long KnownBytes, int Count, IReadOnlyList<string> Unknown);

    private static LayerSizes ReadLayers(JsonElement configuration)
    {
        if (!JsonValues.TryGetNonNullProperty(configuration, "layers", out var layers) || layers.ValueKind != JsonValueKind.Array)
            return new LayerSizes(0, 0, []);
        long known = 0;
        var count = 0;
        var unknown = new List<string>();
        foreach (var layer in layers.EnumerateArray())
        {
            count++;
            if (layer.TryGetInt64("codeSize", out var size)) known += size;
            else unknown.Add(layer.GetStringOrNull("arn") ?? $"#{count}");
        }
        return new LayerSizes(known, count, unknown);
    }

    /// <summary>Bytes, with MB alongside once it helps a reader (Lambda's own limits are in MB) and any breakdown.</summary>
    private static string Size(long bytes, string? detail = null)
    {
        var notes = new List<string>(2);
        if (bytes >= 1024 * 1024) notes.Add(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB"));
        if (detail is not null) notes.Add(detail);
        return notes.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes ({string.Join("; ", notes)})");
    }
}
