using YamlDotNet.RepresentationModel;

namespace ConfigRules.CloudFormation;

/// <summary>
/// References SAM documents as referable although the template does not define them: the resources SAM generates
/// (<c>MyFunction.Version</c>, <c>MyFunction.Alias</c>, <c>MyApi.Stage</c>, <c>MyApi.Deployment</c>,
/// <c>MyFunction.DestinationTopic</c>) and their generated logical ids (<c>MyFunctionRole</c>,
/// <c>MyFunctionAliaslive</c>, <c>ServerlessRestApi</c>, <c>ServerlessRestApiProdStage</c>). Their values exist only
/// after deployment, so they resolve to unknown values instead of rejecting the whole template.
/// </summary>
internal sealed class SamGeneratedReferences
{
    private static readonly string[] ImplicitApis = ["ServerlessRestApi", "ServerlessHttpApi"];

    private readonly List<string> _serverlessIds = [];

    public SamGeneratedReferences(YamlMappingNode? resources)
    {
        if (resources is null) return;
        foreach (var (key, node) in resources.Children)
        {
            if (node is YamlMappingNode resource &&
                resource.Children.TryGetValue(new YamlScalarNode("Type"), out var type) &&
                type is YamlScalarNode { Value: { } typeName } &&
                typeName.StartsWith("AWS::Serverless::", StringComparison.Ordinal) &&
                key is YamlScalarNode { Value: { } logicalId })
                _serverlessIds.Add(logicalId);
        }
    }

    /// <summary>Why <paramref name="name"/> is a SAM-generated resource, or null when it is not one.</summary>
    public string? Describe(string name)
    {
        if (_serverlessIds.Count == 0) return null;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && IsSamResource(name[..dot]))
            return $"it is !Ref {name}, a resource SAM generates from {name[..dot]}, known only after deployment";
        foreach (var owner in _serverlessIds.Concat(ImplicitApis))
        {
            if (name.Length > owner.Length && name.StartsWith(owner, StringComparison.Ordinal) || name == owner && ImplicitApis.Contains(owner))
                return $"it is !Ref {name}, a resource SAM generates for {owner}, known only after deployment";
        }
        return null;
    }

    private bool IsSamResource(string logicalId) => _serverlessIds.Contains(logicalId) || ImplicitApis.Contains(logicalId);
}
