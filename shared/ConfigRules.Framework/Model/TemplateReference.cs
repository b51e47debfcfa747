namespace ConfigRules.Framework.Model;

/// <summary>
/// How an item read from a template names another resource of the same template whose identifier exists only after
/// deployment: <c>${MyWebAcl.Arn}</c> (an attribute) or <c>${MyFunction}</c> (the resource's Ref), the notation of
/// <c>Fn::Sub</c>. The template mapping writes it where Config would record the deployed ARN; a rule's offline lookup
/// finds the template's own item by it. It never reaches AWS: live lookups are not used for whole templates.
/// </summary>
public sealed record TemplateReference(string LogicalId, string? Attribute)
{
    /// <summary><c>${LogicalId.Attribute}</c> or <c>${LogicalId}</c>.</summary>
    public string Text => Attribute is null ? $"${{{LogicalId}}}" : $"${{{LogicalId}.{Attribute}}}";

    public override string ToString() => Text;

    /// <summary>The reference to a resource's <c>Arn</c> attribute.</summary>
    public static TemplateReference ArnOf(string logicalId) => new(logicalId, "Arn");

    /// <summary>Whether <paramref name="text"/> is exactly one reference (nothing before or after it).</summary>
    public static bool TryParse(string? text, out TemplateReference reference)
    {
        reference = null!;
        if (text is null || text.Length < 4 || !text.StartsWith("${", StringComparison.Ordinal) || text[^1] != '}') return false;
        var inner = text[2..^1];
        if (inner.Length == 0 || inner.Contains('{', StringComparison.Ordinal) || inner.Contains('}', StringComparison.Ordinal) ||
            inner.Contains("::", StringComparison.Ordinal))
            return false;
        var dot = inner.IndexOf('.', StringComparison.Ordinal);
        reference = dot < 0 ? new TemplateReference(inner, null) : new TemplateReference(inner[..dot], inner[(dot + 1)..]);
        return reference.LogicalId.Length > 0 && reference.Attribute is not { Length: 0 };
    }
}
