using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfigRules.Testing.Aws;

/// <summary>Strict reading of a JSON request body: unknown members, wrong types and broken limits are refused as AWS would.</summary>
internal sealed class JsonInput
{
    private readonly JsonObject _body;
    private readonly string _operation;

    private JsonInput(JsonObject body, string operation)
    {
        _body = body;
        _operation = operation;
    }

    public static JsonInput Parse(LoopbackRequest request, string operation, params string[] allowedMembers)
    {
        JsonNode? node;
        try
        {
            node = request.Body.Length == 0 ? null : JsonNode.Parse(request.Body);
        }
        catch (JsonException ex)
        {
            throw new FakeAwsErrorException(400, "SerializationException", $"{operation}: the body is not JSON: {ex.Message}");
        }
        if (node is not JsonObject body)
            throw new FakeAwsErrorException(400, "SerializationException", $"{operation}: the body must be a JSON object.");
        return From(body, operation, allowedMembers);
    }

    public static JsonInput From(JsonObject body, string operation, params string[] allowedMembers)
    {
        foreach (var (name, _) in body)
        {
            if (!allowedMembers.Contains(name, StringComparer.Ordinal))
                throw new FakeAwsErrorException(400, "SerializationException",
                    $"{operation}: unknown member '{name}' (members are case-sensitive: {string.Join(", ", allowedMembers)}).");
        }
        return new JsonInput(body, operation);
    }

    public JsonObject Body => _body;

    public string RequiredString(string name, int min = 1, int max = int.MaxValue) =>
        OptionalString(name, min, max) ?? throw new FakeAwsErrorException(400, "ValidationException", $"{_operation}: {name} is required.");

    public string? OptionalString(string name, int min = 1, int max = int.MaxValue)
    {
        if (!_body.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node.GetValueKind() != JsonValueKind.String)
            throw new FakeAwsErrorException(400, "SerializationException", $"{_operation}: {name} must be a string.");
        var value = node.GetValue<string>();
        if (value.Length < min || value.Length > max)
            throw new FakeAwsErrorException(400, "ValidationException", $"{_operation}: {name} must be {min} to {max} characters; it has {value.Length}.");
        return value;
    }

    public int? OptionalInt(string name, int min, int max)
    {
        if (!_body.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
            throw new FakeAwsErrorException(400, "SerializationException", $"{_operation}: {name} must be an integer.");
        if (value < min || value > max)
            throw new FakeAwsErrorException(400, name.Equals("limit", StringComparison.OrdinalIgnoreCase) ? "InvalidLimitException" : "ValidationException",
                $"{_operation}: {name} must be between {min} and {max}; it is {value}.");
        return value;
    }

    public bool? OptionalBool(string name)
    {
        if (!_body.TryGetPropertyValue(name, out var node) || node is null) return null;
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FakeAwsErrorException(400, "SerializationException", $"{_operation}: {name} must be a boolean."),
        };
    }

    public JsonArray? OptionalArray(string name, int min, int max)
    {
        if (!_body.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node is not JsonArray array)
            throw new FakeAwsErrorException(400, "SerializationException", $"{_operation}: {name} must be a list.");
        if (array.Count < min || array.Count > max)
            throw new FakeAwsErrorException(400, "ValidationException", $"{_operation}: {name} must have {min} to {max} members; it has {array.Count}.");
        return array;
    }

    public JsonArray RequiredArray(string name, int min, int max) =>
        OptionalArray(name, min, max) ?? throw new FakeAwsErrorException(400, "ValidationException", $"{_operation}: {name} is required.");

    /// <summary>An awsJson timestamp: epoch seconds as a JSON number. Text is refused (the SDKs never send it).</summary>
    public DateTimeOffset RequiredEpochSeconds(string name)
    {
        if (!_body.TryGetPropertyValue(name, out var node) || node is null)
            throw new FakeAwsErrorException(400, "ValidationException", $"{_operation}: {name} is required.");
        if (node.GetValueKind() != JsonValueKind.Number)
            throw new FakeAwsErrorException(400, "SerializationException", $"{_operation}: {name} must be epoch seconds as a JSON number, not {node.GetValueKind()}.");
        var seconds = node.GetValue<double>();
        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
    }

    public static double Epoch(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000d;
}
