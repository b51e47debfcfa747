using System.Text.Json;
using ConfigRules.Bench.Fixtures;

namespace ConfigRules.Bench.Cli;

/// <summary>
/// Writes a Config snapshot as delivered to S3 (<c>{"fileVersion", "configSnapshotId", "configurationItems": [...]}</c>)
/// of generated Lambda functions, streamed through one Utf8JsonWriter so that a million items take seconds and
/// no memory.
/// </summary>
public static class SnapshotGenerator
{
    private const int FlushThreshold = 1 << 20;

    public static long Write(string path, int items)
    {
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var writer = new Utf8JsonWriter(file))
        {
            writer.WriteStartObject();
            writer.WriteString("fileVersion", "1.0");
            writer.WriteString("configSnapshotId", "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9");
            writer.WriteStartArray("configurationItems");
            for (var i = 0; i < items; i++)
            {
                LambdaFunctionItems.Write(writer, i);
                if (writer.BytesPending > FlushThreshold) writer.Flush();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return new FileInfo(path).Length;
    }
}
