namespace ConfigRules.Cli.Input;

/// <summary>
/// One input of configuration items as a stream of JSON in any shape the reader knows: a file, stdin, an object
/// in S3. <paramref name="Name"/> is what messages and reports call it; <paramref name="Open"/> opens it when its
/// turn comes (so that only one is open at a time); <paramref name="Length"/> is its raw size when known, for progress.
/// Inputs that are not JSON (items read from AWS one by one) go to <see cref="Engine.EvaluationEngine"/> directly.
/// </summary>
public sealed record JsonInput(string Name, Func<OpenedInput> Open, long? Length);

/// <summary>An input opened: its decoded content, and the raw stream under it whose position tells progress.</summary>
public sealed record OpenedInput(Stream Content, Stream Raw) : IDisposable
{
    /// <summary>How far the raw stream has been read, when it can tell.</summary>
    public long RawPosition => Raw.CanSeek ? Raw.Position : 0;

    /// <summary>Whether an item can be read again from its offset in the content: a plain file (or memory), not gzip or a network stream.</summary>
    public bool Addressable => ReferenceEquals(Content, Raw) && Raw.CanSeek;

    public void Dispose()
    {
        Content.Dispose();
        Raw.Dispose();
    }
}
