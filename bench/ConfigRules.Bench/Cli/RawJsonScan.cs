using System.Buffers;
using System.Diagnostics;
using System.Text.Json;

namespace ConfigRules.Bench.Cli;

/// <summary>The floor for reading a snapshot: every token of the file through Utf8JsonReader, nothing kept.</summary>
public sealed record RawScanResult(TimeSpan Wall, long Tokens, long Items);

/// <summary>
/// Reads a file in 1 MB blocks and tokenizes it with Utf8JsonReader, counting the objects directly inside the
/// top-level <c>configurationItems</c> array. It decodes nothing, so it is the physical limit a streaming
/// reader can approach, not a competitor that does the same work.
/// </summary>
public static class RawJsonScan
{
    public static RawScanResult Run(string path)
    {
        var stopwatch = Stopwatch.StartNew();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var state = new JsonReaderState();
            long tokens = 0, items = 0;
            var carried = 0;
            var final = false;
            while (!final)
            {
                var read = file.Read(buffer, carried, buffer.Length - carried);
                final = read == 0;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, carried + read), final, state);
                while (reader.Read())
                {
                    tokens++;
                    if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2) items++;
                }
                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                carried = carried + read - consumed;
                if (carried == buffer.Length)
                {
                    // One token larger than the buffer: grow it, as a streaming reader must.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(consumed, carried).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                else
                {
                    buffer.AsSpan(consumed, carried).CopyTo(buffer);
                }
            }
            return new RawScanResult(stopwatch.Elapsed, tokens, items);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
