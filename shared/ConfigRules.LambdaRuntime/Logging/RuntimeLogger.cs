using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ConfigRules.LambdaRuntime.Logging;

/// <summary>
/// Writes one JSON object per line (CloudWatch reads stdout): <c>timestamp</c>, <c>level</c>, <c>requestId</c>,
/// <c>handler</c>, <c>message</c> and the fields, all through <see cref="Utf8JsonWriter"/>. Fields whose name
/// suggests a secret (credentials, tokens, signatures, authorization) are written as <c>[redacted]</c>;
/// callers never pass whole events, only what identifies them.
/// </summary>
public sealed class RuntimeLogger
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretNameParts =
        ["secret", "token", "password", "credential", "signature", "authorization", "accesskey", "sessionkey", "x-amz-security"];

    // Log lines are read by people and CloudWatch, never embedded in HTML: keep quotes and '+' readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly LogSink? _sink;

    public RuntimeLogger(Stream output, TimeProvider time, LogLevel minimum = LogLevel.Info)
        : this(new LogSink(output, time, minimum), null, null)
    {
    }

    private RuntimeLogger(LogSink? sink, string? handler, string? requestId)
    {
        _sink = sink;
        Handler = handler;
        RequestId = requestId;
    }

    /// <summary>A logger that writes nothing (default of contexts built outside the loop).</summary>
    public static RuntimeLogger Null { get; } = new(null, null, null);

    public string? Handler { get; }

    public string? RequestId { get; }

    public RuntimeLogger ForHandler(string handler) => new(_sink, handler, RequestId);

    public RuntimeLogger ForRequest(string requestId) => new(_sink, Handler, requestId);

    public void Debug(string message, params ReadOnlySpan<LogField> fields) => Write(LogLevel.Debug, message, null, fields);

    public void Info(string message, params ReadOnlySpan<LogField> fields) => Write(LogLevel.Info, message, null, fields);

    public void Warn(string message, params ReadOnlySpan<LogField> fields) => Write(LogLevel.Warn, message, null, fields);

    public void Warn(string message, Exception exception, params ReadOnlySpan<LogField> fields) => Write(LogLevel.Warn, message, exception, fields);

    public void Error(string message, Exception exception, params ReadOnlySpan<LogField> fields) => Write(LogLevel.Error, message, exception, fields);

    public void Write(LogLevel level, string message, Exception? exception, ReadOnlySpan<LogField> fields)
    {
        if (_sink is null || level < _sink.Minimum) return;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", _sink.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", level.ToWire());
            if (RequestId is not null) json.WriteString("requestId", RequestId);
            if (Handler is not null) json.WriteString("handler", Handler);
            json.WriteString("message", message);
            foreach (var field in fields) WriteField(json, field);
            if (exception is not null)
            {
                json.WriteString("errorType", exception.GetType().Name);
                json.WriteString("errorMessage", Errors.ErrorText.Truncate(exception.Message, 2048));
                if (exception.StackTrace is { } stack) json.WriteString("stackTrace", Errors.ErrorText.Truncate(stack, 4096));
            }
            json.WriteEndObject();
        }
        _sink.WriteLine(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes a JSON document the caller serialized as its own line, whatever the level: CloudWatch reads some
    /// lines as data (Embedded Metric Format), which a log level must never filter out.
    /// </summary>
    public void WriteDocument(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
            throw new ArgumentException("A document line must not contain line breaks: CloudWatch would split it into several events.", nameof(utf8Json));
        _sink?.WriteLine(utf8Json);
    }

    public static bool IsSecretName(string name) =>
        SecretNameParts.Any(part => name.Replace("_", "", StringComparison.Ordinal).Contains(part, StringComparison.OrdinalIgnoreCase));

    private static void WriteField(Utf8JsonWriter json, LogField field)
    {
        if (IsSecretName(field.Name))
        {
            json.WriteString(field.Name, Redacted);
            return;
        }
        switch (field.Value)
        {
            case null: json.WriteNull(field.Name); break;
            case string text: json.WriteString(field.Name, text); break;
            case bool flag: json.WriteBoolean(field.Name, flag); break;
            case int number: json.WriteNumber(field.Name, number); break;
            case long number: json.WriteNumber(field.Name, number); break;
            case double number: json.WriteNumber(field.Name, number); break;
            case TimeSpan duration: json.WriteNumber(field.Name, Math.Round(duration.TotalMilliseconds, 1)); break;
            case DateTimeOffset instant: json.WriteString(field.Name, instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)); break;
            default: json.WriteString(field.Name, Convert.ToString(field.Value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>The stream shared by every derived logger; lines are written whole, one at a time.</summary>
    private sealed class LogSink(Stream output, TimeProvider time, LogLevel minimum)
    {
        private readonly Lock _gate = new();

        public TimeProvider Time { get; } = time;

        public LogLevel Minimum { get; } = minimum;

        public void WriteLine(ReadOnlySpan<byte> line)
        {
            lock (_gate)
            {
                output.Write(line);
                output.WriteByte((byte)'\n');
                output.Flush();
            }
        }
    }
}
