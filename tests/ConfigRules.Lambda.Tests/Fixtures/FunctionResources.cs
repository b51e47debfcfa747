using System.Text.Json.Nodes;
using ConfigRules.Testing.Aws;

namespace ConfigRules.Lambda.Tests.Fixtures;

/// <summary>AWS::Lambda::Function resources for the loopback Config account (served in the API shape).</summary>
public static class FunctionResources
{
    /// <summary>When the oversized items were recorded: distinct from the change items' capture time.</summary>
    public static readonly DateTimeOffset OversizedCaptureTime = new(2025, 5, 20, 7, 15, 0, TimeSpan.Zero);

    /// <summary>A python3.13 function whose configuration carries <paramref name="fields"/> on top of the fixture defaults.</summary>
    public static FakeResource Function(string name, params (string Name, JsonNode? Value)[] fields) => new()
    {
        ResourceType = LambdaFunctionItems.ResourceType,
        ResourceId = name,
        ResourceName = name,
        Arn = LambdaFunctionItems.Arn(name),
        CaptureTime = OversizedCaptureTime,
        Configuration = LambdaFunctionItems.Configuration(name, "python3.13").Set(fields),
    };
}
