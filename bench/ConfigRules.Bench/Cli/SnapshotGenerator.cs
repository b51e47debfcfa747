using System.Text.Json;
using ConfigRules.Bench.Fixtures;

namespace ConfigRules.Bench.Cli;

/// <summary>
/// Writes a Config snapshot as delivered to S3 (<c>{"fileVersion", "configSnapshotId", "configurationItems": [...]}</c>)
/// of generated Lambda functions and, as an account's snapshot holds them, their execution roles (one item in a
/// hundred, one role per service). Each item is built with the test kit and streamed through one Utf8JsonWriter,
/// so that memory stays flat however many items there are.
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
                var item = i % 100 == 99 ? LambdaFunctionItems.Role(i / 100 % 97) : LambdaFunctionItems.Function(i);
                item.ToJsonObject().WriteTo(writer);
                if (writer.BytesPending > FlushThreshold) writer.Flush();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return new FileInfo(path).Length;
    }
}
