using ConfigRules.Framework.Model;

namespace ConfigRules.Rules;

/// <summary>
/// What several Lambda rules read the same way from an <c>AWS::Lambda::Function</c> item, so that each rule
/// treats container images and missing values alike.
/// </summary>
internal static class LambdaFunctionFacts
{
    /// <summary>Container-image functions carry no runtime or handler: the image defines both.</summary>
    public static bool IsContainerImage(ConfigurationItem item) =>
        string.Equals(item.Configuration.GetStringOrNull("packageType"), "Image", StringComparison.OrdinalIgnoreCase);

    public const string ContainerImageNote =
        "The function is deployed as a container image: its runtime and handler are defined by the image, not by Lambda.";

    /// <summary>The function's name: <c>configuration.functionName</c>, else the resource name, else the resource id.</summary>
    public static string FunctionName(ConfigurationItem item) =>
        item.Configuration.GetStringOrNull("functionName") is { Length: > 0 } name
            ? name
            : item.ResourceName is { Length: > 0 } resourceName ? resourceName : item.ResourceId;
}
