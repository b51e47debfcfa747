using System.Text.Json.Nodes;
using ConfigRules.Testing;

namespace ConfigRules.Framework.Tests.Reference;

/// <summary>Reads the public AWS samples of the reference kit (testdata/config-samples) at test time.</summary>
internal static class ReferenceSamples
{
    public const string Folder = "testdata/config-samples";

    public static string Path(string subfolder, string file) => ReferenceKit.Require(Folder, subfolder, file);

    public static byte[] Bytes(string subfolder, string file) => File.ReadAllBytes(Path(subfolder, file));

    public static IEnumerable<string> List(string subfolder, string pattern) =>
        ReferenceKit.ListOrEmpty($"{Folder}/{subfolder}", pattern);

    /// <summary>
    /// For TestCaseSource: where the kit is absent one placeholder case runs, and Require marks it Ignored
    /// (an empty source would make NUnit report the test as not runnable).
    /// </summary>
    public static IEnumerable<string> OrPlaceholder(IEnumerable<string> cases)
    {
        var list = cases.ToList();
        return list.Count > 0 ? list : ["(reference kit absent)"];
    }

    /// <summary>The recorded boto3 response inside cloud-custodian's placebo wrapper {"status_code","data"}.</summary>
    public static JsonObject PlaceboData(string file)
    {
        var wrapper = JsonNode.Parse(Bytes("api-responses", file))!.AsObject();
        return wrapper["data"]!.AsObject();
    }

    /// <summary>
    /// Placebo writes boto3's datetime values as {"__class__":"datetime","year":...}; AWS sends epoch seconds.
    /// Turns them back into what the wire carried, so the item is the one Config returned.
    /// </summary>
    public static void RestorePlaceboTimestamps(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonObject { } candidate && (string?)candidate["__class__"] == "datetime")
                        obj[name] = ToEpochSeconds(candidate);
                    else RestorePlaceboTimestamps(value);
                }
                break;
            case JsonArray array:
                foreach (var element in array) RestorePlaceboTimestamps(element);
                break;
        }
    }

    private static double ToEpochSeconds(JsonObject datetime)
    {
        var value = new DateTimeOffset(
            (int)datetime["year"]!, (int)datetime["month"]!, (int)datetime["day"]!,
            (int)datetime["hour"]!, (int)datetime["minute"]!, (int)datetime["second"]!, TimeSpan.Zero)
            .AddTicks((int)datetime["microsecond"]! * 10L);
        return value.ToUnixTimeMilliseconds() / 1000d;
    }
}
