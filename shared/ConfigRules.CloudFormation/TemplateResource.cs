namespace ConfigRules.CloudFormation;

/// <summary>One resource of a template with its properties resolved (SAM Globals merged in).</summary>
internal sealed record TemplateResource(string LogicalId, string Type, MapValue Properties, int Line)
{
    /// <summary>A resource SAM creates without the template naming it (the implicit ServerlessRestApi).</summary>
    public bool Implicit { get; init; }
}

/// <summary>
/// How much of the template a read sees. A whole template (check-template, the hook's STACK and CHANGE_SET targets)
/// shows the resources that complete another one: the web ACL association of a stage, the permissions of a function.
/// A single resource (the hook's resource operations) does not, so what they would decide is unknown.
/// </summary>
public enum TemplateScope
{
    WholeTemplate,
    SingleResource,
}

/// <summary>The resource types the mapping reads, as CloudFormation and SAM name them.</summary>
internal static class TemplateTypes
{
    public const string LambdaFunction = "AWS::Lambda::Function";
    public const string ServerlessFunction = "AWS::Serverless::Function";
    public const string ServerlessStateMachine = "AWS::Serverless::StateMachine";
    public const string RestApi = "AWS::ApiGateway::RestApi";
    public const string ServerlessApi = "AWS::Serverless::Api";
    public const string Stage = "AWS::ApiGateway::Stage";
    public const string Deployment = "AWS::ApiGateway::Deployment";
    public const string WebAcl = "AWS::WAFv2::WebACL";
    public const string WebAclAssociation = "AWS::WAFv2::WebACLAssociation";
    public const string Permission = "AWS::Lambda::Permission";
    public const string FunctionUrl = "AWS::Lambda::Url";
    public const string Alarm = "AWS::CloudWatch::Alarm";
    public const string Trail = "AWS::CloudTrail::Trail";

    public static readonly IReadOnlySet<string> Read = new HashSet<string>(StringComparer.Ordinal)
    {
        LambdaFunction, ServerlessFunction, ServerlessStateMachine, RestApi, ServerlessApi, Stage, Deployment,
        WebAcl, WebAclAssociation, Permission, FunctionUrl, Alarm, Trail,
    };

    public static bool IsFunction(string type) => type is LambdaFunction or ServerlessFunction;
}
