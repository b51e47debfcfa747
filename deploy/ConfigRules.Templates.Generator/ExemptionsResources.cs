using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// The governance team's exemptions document (docs/exemptions.md): where it lives (ExemptionsBucket, ExemptionsKey),
/// the variable that tells the exemptible rule functions, and the one read their roles get: s3:GetObject on that
/// object and nothing else (plus kms:Decrypt through S3 on the bucket's key when it uses a customer managed key).
/// With ExemptionsBucket empty, none of it exists and no rule reads a document.
/// </summary>
public static class ExemptionsResources
{
    public const string BucketParameter = "ExemptionsBucket";
    public const string KeyParameter = "ExemptionsKey";
    public const string KmsKeyParameter = "ExemptionsKmsKeyArn";
    public const string Condition = "HasExemptions";
    public const string KmsCondition = "HasExemptionsKmsKey";
    public const string Variable = "CONFIGRULES_EXEMPTIONS_URI";

    public static void AddParameters(YamlMap parameters) => parameters
        .Add(BucketParameter, PackBuilder.StringParameter("",
            "Bucket of the exemptions document (docs/exemptions.md; versioned, encrypted, writable only by the publishing pipeline); empty: no exemptions.")
            .Add("AllowedPattern", "^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])?$"))
        .Add(KeyParameter, PackBuilder.StringParameter("exemptions.yaml", "Key of the exemptions document in ExemptionsBucket.")
            .Add("AllowedPattern", "^[^*?]{1,1024}$"))
        .Add(KmsKeyParameter, PackBuilder.StringParameter("",
            "ARN of the customer managed KMS key that encrypts ExemptionsBucket; empty: S3-managed keys (SSE-S3) or none.")
            .Add("AllowedPattern", "^(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+)?$"));

    public static void AddConditions(YamlMap conditions) => conditions
        .Add(Condition, Cfn.Not(Cfn.Equals("", Cfn.Ref(BucketParameter))))
        .Add(KmsCondition, Cfn.Not(Cfn.Equals("", Cfn.Ref(KmsKeyParameter))));

    public const string ReadPolicyLogicalId = "ReadExemptionsDocumentPolicy";
    public const string DecryptPolicyLogicalId = "DecryptExemptionsDocumentPolicy";

    /// <summary>Adds CONFIGRULES_EXEMPTIONS_URI to an exemptible rule's variables (present only with a bucket).</summary>
    public static YamlMap WithVariable(YamlMap environment, HandlerSpec handler) =>
        handler.Rule is { Exemptible: true } ? WithVariable(environment) : environment;

    /// <summary>Adds CONFIGRULES_EXEMPTIONS_URI (present only with a bucket): the deployment hook reads it for every rule.</summary>
    public static YamlMap WithVariable(YamlMap environment) =>
        environment.Add(Variable, Cfn.If(Condition,
            // Fn::Join, not Fn::Sub: the template validator (cfn-lint 1.9.7) cannot read a Fn::Sub inside a Fn::If.
            Cfn.Join("", Cfn.List("s3://", Cfn.Ref(BucketParameter), "/", Cfn.Ref(KeyParameter))), Cfn.NoValue));

    /// <summary>
    /// The read of the one object, and the decryption through S3 with the bucket's key, as policies of their own that
    /// exist only with their parameters (the validator cannot read a Fn::If among a policy's statements), attached to
    /// the exemptible rules' roles. A rule that cannot be exempted never reads the document and gets neither.
    /// </summary>
    /// <param name="otherReaders">Handlers besides the rules that apply the document (the deployment hook).</param>
    public static void AddResources(YamlMap resources, IEnumerable<HandlerSpec> rules, params HandlerSpec[] otherReaders)
    {
        var exemptible = rules.Where(rule => rule.Rule is { Exemptible: true }).Concat(otherReaders).ToList();
        if (exemptible.Count == 0) return;
        var roles = new YamlSequence(exemptible.Select(rule => Cfn.Ref(rule.Logical("Role"))));
        resources.Add(ReadPolicyLogicalId, Policy(Condition, "read-exemptions-document", roles,
            Cfn.Statement("ReadExemptionsDocument", "Allow", null, Cfn.List("s3:GetObject"),
                Cfn.Sub($"arn:${{AWS::Partition}}:s3:::${{{BucketParameter}}}/${{{KeyParameter}}}")),
            "That one object: not the bucket, not its other objects."));
        resources.Add(DecryptPolicyLogicalId, Policy(KmsCondition, "decrypt-exemptions-document", roles,
            Cfn.Statement("DecryptExemptionsDocumentThroughS3", "Allow", null, Cfn.List("kms:Decrypt"), Cfn.Ref(KmsKeyParameter),
                new YamlMap().Add("StringEquals", new YamlMap().Add("kms:ViaService", Cfn.Sub("s3.${AWS::Region}.amazonaws.com")))),
            "The bucket's key, and only as S3 uses it to serve an object."));
    }

    private static YamlMap Policy(string condition, string name, YamlSequence roles, YamlMap statement, string comment) => new YamlMap()
        .Add("Type", "AWS::IAM::Policy")
        .Add("Condition", condition)
        .Add("Properties", new YamlMap()
            .Add("PolicyName", name)
            .Add("PolicyDocument", Cfn.PolicyDocument(statement), comment)
            .Add("Roles", roles));
}
