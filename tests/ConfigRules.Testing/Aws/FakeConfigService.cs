using System.Text.Json.Nodes;

namespace ConfigRules.Testing.Aws;

/// <summary>An evaluation PutEvaluations accepted, with the result token it came with.</summary>
public sealed record AcceptedEvaluation(
    string ResultToken,
    string? ConfigRuleName,
    string ResourceType,
    string ResourceId,
    string ComplianceType,
    string? Annotation,
    DateTimeOffset OrderingTimestamp,
    bool TestMode);

/// <summary>A rule's stored result for one resource (what GetComplianceDetailsByConfigRule lists).</summary>
public sealed record StoredResult(string ComplianceType, string? Annotation, DateTimeOffset OrderingTimestamp);

/// <summary>
/// The fake AWS Config account behind the loopback endpoint: recorded resources (with history), stored rule
/// results, accepted evaluations, and switches that make the next calls refuse evaluations or leave keys unprocessed.
/// </summary>
public sealed partial class FakeConfigService
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Type, string Id), List<FakeResource>> _history = [];
    private readonly Dictionary<string, Dictionary<(string Type, string Id), StoredResult>> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _resultTokens = new(StringComparer.Ordinal);
    private readonly List<AcceptedEvaluation> _accepted = [];
    private readonly List<IReadOnlyList<string>> _started = [];
    private int _refuseEvaluations;
    private int _leaveUnprocessed;

    /// <summary>Largest page ListDiscoveredResources and GetComplianceDetailsByConfigRule return (the request's limit may lower it).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>When set, PutEvaluations refuses result tokens not registered with <see cref="RegisterResultToken"/>.</summary>
    public bool RequireRegisteredResultTokens { get; set; }

    /// <summary>When not empty (or once rules are added with AddConfigRule), StartConfigRulesEvaluation refuses other names with NoSuchConfigRuleException.</summary>
    public HashSet<string> KnownRules { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a resource, or a newer version of it (history lists the newest first).</summary>
    public FakeResource Put(FakeResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_gate)
        {
            var key = (resource.ResourceType, resource.ResourceId);
            if (!_history.TryGetValue(key, out var versions)) _history[key] = versions = [];
            versions.Add(resource);
        }
        return resource;
    }

    /// <summary>Adds an AWS::Lambda::Function-style resource with the given configuration in one call.</summary>
    public FakeResource Put(string resourceType, string resourceId, JsonObject? configuration, string status = "OK") =>
        Put(new FakeResource { ResourceType = resourceType, ResourceId = resourceId, ResourceName = resourceId, Configuration = configuration, Status = status });

    /// <summary>Marks a resource deleted (a new ResourceDeleted version without configuration).</summary>
    public void Delete(string resourceType, string resourceId) =>
        Put(new FakeResource { ResourceType = resourceType, ResourceId = resourceId, Status = "ResourceDeleted", CaptureTime = DateTimeOffset.UtcNow });

    /// <summary>Ties a result token to its rule, so accepted evaluations update the rule's stored results.</summary>
    public void RegisterResultToken(string resultToken, string configRuleName)
    {
        lock (_gate) _resultTokens[resultToken] = configRuleName;
    }

    /// <summary>A result stored before the test (a resource the rule judged earlier).</summary>
    public void SeedResult(string configRuleName, string resourceType, string resourceId, string complianceType, string? annotation = null)
    {
        lock (_gate) ResultsOf(configRuleName)[(resourceType, resourceId)] = new StoredResult(complianceType, annotation, DateTimeOffset.UtcNow);
    }

    /// <summary>The next <paramref name="count"/> evaluation entries PutEvaluations receives come back in FailedEvaluations.</summary>
    public void RefuseNextEvaluations(int count)
    {
        lock (_gate) _refuseEvaluations += count;
    }

    /// <summary>The next <paramref name="count"/> keys BatchGetResourceConfig receives come back in unprocessedResourceKeys.</summary>
    public void LeaveNextKeysUnprocessed(int count)
    {
        lock (_gate) _leaveUnprocessed += count;
    }

    public IReadOnlyList<AcceptedEvaluation> AcceptedEvaluations
    {
        get { lock (_gate) return [.. _accepted]; }
    }

    public IReadOnlyList<IReadOnlyList<string>> StartedEvaluations
    {
        get { lock (_gate) return [.. _started]; }
    }

    public IReadOnlyDictionary<(string Type, string Id), StoredResult> ResultsFor(string configRuleName)
    {
        lock (_gate) return new Dictionary<(string, string), StoredResult>(ResultsOf(configRuleName));
    }

    public FakeResource? Current(string resourceType, string resourceId)
    {
        lock (_gate) return _history.TryGetValue((resourceType, resourceId), out var versions) ? versions[^1] : null;
    }

    private Dictionary<(string Type, string Id), StoredResult> ResultsOf(string rule)
    {
        if (!_results.TryGetValue(rule, out var results)) _results[rule] = results = [];
        return results;
    }
}
