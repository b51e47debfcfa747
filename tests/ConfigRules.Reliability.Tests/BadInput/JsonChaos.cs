using System.Text.Json.Nodes;

namespace ConfigRules.Reliability.Tests.BadInput;

/// <summary>
/// Hostile and odd JSON values, drawn from a seeded <see cref="Random"/>: wrong types, extremes of numbers,
/// long, control and non-ASCII text, JSON-looking strings, regex metacharacters, nesting. CsCheck draws the
/// seeds, so a failure is replayed from its seed.
/// </summary>
public static class JsonChaos
{
    private static readonly string[] OddStrings =
    [
        "", " ", "null", "true", "128.0", "-1", "1e400", "NaN", "{", "[1,2]", "{\"a\":1}", "\"", "\\", "\u0000", "\r\n", "\t",
        "héllo wörld ✓", "😀😀", "\ud800", "(a+)+$", "[", "*", "a,b,,c", " , ", "<script>alert(1)</script>", "%0d%0aInjected: yes",
        "\u001b[31mred", "arn:aws:iam::123456789012:role/*", "PRIVATE", "REGIONAL,EDGE", "python3.12", "nodejs", "index.handler",
        "9223372036854775808", "-9223372036854775809", "0x10", "１２８", "12 8", "+5", "1_000",
    ];

    public static string OddString(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(6) switch
        {
            0 => new string((char)random.Next(32, 127), random.Next(1, 4000)),
            1 => new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0, 0xD7FF)).ToArray()),
            _ => OddStrings[random.Next(OddStrings.Length)],
        };
    }

    public static JsonNode? Value(Random random, int depth = 3)
    {
        ArgumentNullException.ThrowIfNull(random);
        switch (random.Next(depth > 0 ? 11 : 8))
        {
            case 0: return null;
            case 1: return random.Next(2) == 0;
            case 2: return random.Next(int.MinValue, int.MaxValue);
            case 3: return new[] { long.MaxValue, long.MinValue, 0L, -1L, 128L, 10_485_761L, 900L, 3008L }[random.Next(8)];
            case 4: return new[] { 128.0, 1e308, -0.0, 0.5, 1e-300, 300.000001, 9.5e15 }[random.Next(7)];
            case 5:
            case 6:
            case 7: return OddString(random);
            case 8:
            case 9:
                var array = new JsonArray();
                for (var i = random.Next(0, 4); i > 0; i--) array.Add(Value(random, depth - 1));
                return array;
            default:
                var obj = new JsonObject();
                for (var i = random.Next(0, 4); i > 0; i--) obj[Name(random)] = Value(random, depth - 1);
                return obj;
        }
    }

    /// <summary>Deeply nested arrays, beyond what any reader should follow.</summary>
    public static string DeepNesting(int depth) => new string('[', depth) + new string(']', depth);

    public static string Name(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Next(3) == 0 ? OddString(random) : "field" + random.Next(100);
    }

    /// <summary>Sets, replaces or removes one member of <paramref name="target"/> (a known name or a new one).</summary>
    public static void MutateMember(JsonObject target, Random random, IReadOnlyList<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(random);
        var name = knownNames.Count > 0 && random.Next(5) > 0 ? knownNames[random.Next(knownNames.Count)] : Name(random);
        if (random.Next(4) == 0) target.Remove(name);
        else target[name] = Value(random);
    }
}
