using System.Buffers;
using System.Text;
using System.Text.Json;
using ConfigRules.CloudFormation;
using ConfigRules.Framework.Model;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>
/// Turns each hook target into template items through the one template mapping <c>check-template</c> uses: a STACK
/// template is read as it is (SAM included); a resource operation's properties and a change set's
/// <c>afterContext</c> become a one-resource template, so that a property arriving as the string "60" is read
/// exactly as a template's <c>60</c>.
/// </summary>
public static class HookTargetReader
{
    /// <summary>
    /// A resource operation: <paramref name="properties"/> are the resolved <c>resourceProperties</c>. The items have no
    /// source line: the one-resource template is ours, its lines mean nothing to the developer.
    /// </summary>
    public static IReadOnlyList<TemplateItem> ReadResource(string resourceType, string logicalId, JsonElement properties) =>
        [.. TemplateReader.Read(SingleResource("resourceProperties", resourceType, logicalId, properties), TemplateScope.SingleResource)
            .Select(read => read with { Item = read.Item with { Source = null } })];

    /// <summary>
    /// A STACK target's template text (JSON or YAML); an empty template (a deletion) has no items. Text without a
    /// Resources section is no template: a <see cref="TemplateException"/> says so, never a silent pass.
    /// </summary>
    public static IReadOnlyList<TemplateItem> ReadStack(string? template)
    {
        if (string.IsNullOrWhiteSpace(template)) return [];
        var document = TemplateDocument.Load("template", template);
        return TemplateReader.Read(document);
    }

    /// <summary>
    /// A CHANGE_SET's created and updated resources, each from its <c>afterContext</c>, with the template line. They are
    /// read in the template after the change (the payload's <paramref name="template"/> with the changed resources in
    /// place), so that what completes them (a stage's web ACL association, a function's permissions, alarms) is seen
    /// whether or not it changes too. Only the changed resources are judged; the others answer the rules' lookups.
    /// </summary>
    public static IReadOnlyList<TemplateItem> ReadChangeSet(string? template, IReadOnlyList<ChangedResource>? changes, Func<string, bool> covered)
    {
        var lines = new Dictionary<string, int?>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Resources");
            foreach (var change in changes ?? [])
            {
                if (!IsCreateOrUpdate(change.Action)) continue;
                var type = change.ResourceType ?? throw new HookInputException("A changed resource has no resourceType.");
                var logicalId = change.LogicalResourceId ?? throw new HookInputException($"A changed {type} has no logicalResourceId.");
                WriteResource(writer, $"afterContext of {logicalId}", type, logicalId, AfterProperties(change, logicalId));
                if (covered(type)) lines[logicalId] = change.LineNumber;
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        if (lines.Count == 0) return [];
        var changed = TemplateDocument.Load("afterContext", Encoding.UTF8.GetString(buffer.WrittenSpan));
        var before = string.IsNullOrWhiteSpace(template) ? null : TemplateDocument.Load("template", template);
        var document = TemplateDocument.Compose("template", before is not null && TemplateReader.LooksLikeTemplate(before) ? before : null, changed);

        var items = new List<TemplateItem>();
        foreach (var read in TemplateReader.Read(document))
        {
            if (lines.TryGetValue(read.Item.ResourceId, out var line))
                items.Add(read with { Item = read.Item with { Source = new SourceLocation("template", line) } });
            else if (!covered(read.Item.ResourceType))
                items.Add(read);
        }
        return items;
    }

    /// <summary>CREATE and UPDATE, as the hook payload names them; Add and Modify, as the change set API does.</summary>
    private static bool IsCreateOrUpdate(string? action) =>
        action is not null && (action.Equals("CREATE", StringComparison.OrdinalIgnoreCase) || action.Equals("UPDATE", StringComparison.OrdinalIgnoreCase)
            || action.Equals("Add", StringComparison.OrdinalIgnoreCase) || action.Equals("Modify", StringComparison.OrdinalIgnoreCase));

    private static JsonElement AfterProperties(ChangedResource change, string logicalId)
    {
        if (string.IsNullOrWhiteSpace(change.AfterContext)) return default;
        try
        {
            using var context = JsonDocument.Parse(change.AfterContext);
            if (context.RootElement.ValueKind != JsonValueKind.Object)
                throw new HookInputException($"The afterContext of {logicalId} is not a JSON object {{\"Properties\": {{...}}}}.");
            foreach (var member in context.RootElement.EnumerateObject())
            {
                if (member.Name.Equals("Properties", StringComparison.OrdinalIgnoreCase)) return member.Value.Clone();
            }
            return default;
        }
        catch (JsonException ex)
        {
            throw new HookInputException($"The afterContext of {logicalId} is not JSON: {ex.Message}");
        }
    }

    /// <summary><c>{"Resources": {logicalId: {"Type": type, "Properties": properties}}}</c>, written by the JSON writer.</summary>
    private static TemplateDocument SingleResource(string name, string resourceType, string logicalId, JsonElement properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Resources");
            WriteResource(writer, name, resourceType, logicalId, properties);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return TemplateDocument.Load(name, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteResource(Utf8JsonWriter writer, string name, string resourceType, string logicalId, JsonElement properties)
    {
        if (properties.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
            throw new HookInputException($"The properties of {logicalId} ({name}) must be a JSON object, not {properties.ValueKind}.");
        writer.WriteStartObject(logicalId);
        writer.WriteString("Type", resourceType);
        if (properties.ValueKind == JsonValueKind.Object)
        {
            writer.WritePropertyName("Properties");
            properties.WriteTo(writer);
        }
        writer.WriteEndObject();
    }
}

/// <summary>The request or its payload cannot be read: the hook answers FAILED with InternalFailure and this message.</summary>
public sealed class HookInputException(string message, Exception? inner = null) : Exception(message, inner);
