namespace ConfigRules.Framework.Exemptions;

/// <summary>Where a host gets the exemptions document that applies to the next evaluation.</summary>
public interface IExemptionSource
{
    /// <exception cref="InvalidExemptionsException">The document cannot be read or is not valid.</exception>
    Task<ExemptionDocument> GetAsync(CancellationToken cancellationToken);
}

/// <summary>A document already in hand (the CLI's --exemptions file), or <see cref="ExemptionDocument.None"/>.</summary>
public sealed class FixedExemptions(ExemptionDocument document) : IExemptionSource
{
    public static FixedExemptions None { get; } = new(ExemptionDocument.None);

    public Task<ExemptionDocument> GetAsync(CancellationToken cancellationToken) => Task.FromResult(document);
}

/// <summary>
/// A remote document (the rule functions' and the hook's S3 object) read at most once per
/// <see cref="RefreshInterval"/> per process: a warm function serves many invocations, and a grant or a
/// revocation still takes effect within a minute. A failed read or an invalid document is never cached: the
/// invocation fails (the contract's InvalidExemptionsException) and the next one tries again.
/// </summary>
public sealed class CachedExemptions : IExemptionSource, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private readonly string sourceName;
    private readonly Func<CancellationToken, Task<string>> load;
    private readonly IExemptionCatalog catalog;
    private readonly TimeProvider timeProvider;
    private readonly SemaphoreSlim gate = new(1, 1);
    // One reference, swapped whole: a reader outside the gate never pairs a document with another's load time.
    private Snapshot? current;

    /// <param name="sourceName">Named in every message, e.g. s3://bucket/key.</param>
    /// <param name="load">Reads the document's text (an S3 GetObject); its failures are reported with the source.</param>
    public CachedExemptions(string sourceName, Func<CancellationToken, Task<string>> load, IExemptionCatalog catalog, TimeProvider timeProvider)
    {
        this.sourceName = sourceName;
        this.load = load;
        this.catalog = catalog;
        this.timeProvider = timeProvider;
    }

    public async Task<ExemptionDocument> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached) return cached;
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have loaded it while this one waited.
            if (Fresh() is { } loaded) return loaded;
            var text = await LoadTextAsync(cancellationToken);
            var parsed = ExemptionDocument.Parse(sourceName, text, catalog);
            current = new Snapshot(parsed, timeProvider.GetTimestamp());
            return parsed;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private ExemptionDocument? Fresh() =>
        current is { } snapshot && timeProvider.GetElapsedTime(snapshot.LoadedAt) < RefreshInterval ? snapshot.Document : null;

    private sealed record Snapshot(ExemptionDocument Document, long LoadedAt);

    private async Task<string> LoadTextAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await load(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not InvalidExemptionsException)
        {
            throw new InvalidExemptionsException(sourceName, $"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
