using ConfigRules.Framework.Rules;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Rules;

/// <summary>
/// A live lookup asks its service once per key within <see cref="CachedLiveLookup{TClient, TValue}.CacheDuration"/>,
/// asks again once that has passed (so a change to the related resource is seen), and keeps no failure.
/// </summary>
[TestFixture]
public sealed class CachedLiveLookupTests
{
    private FakeTimeProvider time = null!;
    private RoleService service = null!;
    private RoleLookup lookup = null!;

    [SetUp]
    public void SetUp()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        service = new RoleService();
        lookup = new RoleLookup(service, time);
    }

    [Test]
    public async Task A_key_asked_again_within_the_cache_duration_is_answered_without_the_service()
    {
        service.Boundaries["app-role"] = "boundary-1";
        (await lookup.GetBoundaryAsync("app-role")).Should().Be("boundary-1");

        service.Boundaries["app-role"] = "boundary-2";
        time.Advance(RoleLookup.CacheDuration - TimeSpan.FromTicks(1));

        (await lookup.GetBoundaryAsync("app-role")).Should().Be("boundary-1");
        service.Calls.Should().Equal("app-role");
    }

    [Test]
    public async Task Each_key_is_asked_and_kept_on_its_own()
    {
        service.Boundaries["app-role"] = "boundary-1";
        service.Boundaries["batch-role"] = "boundary-9";

        (await lookup.GetBoundaryAsync("app-role")).Should().Be("boundary-1");
        (await lookup.GetBoundaryAsync("batch-role")).Should().Be("boundary-9");
        (await lookup.GetBoundaryAsync("app-role")).Should().Be("boundary-1");

        service.Calls.Should().Equal("app-role", "batch-role");
    }

    [Test]
    public async Task Once_the_cache_duration_has_passed_the_service_is_asked_again_and_a_change_is_seen()
    {
        service.Boundaries["app-role"] = "boundary-1";
        await lookup.GetBoundaryAsync("app-role");

        service.Boundaries["app-role"] = "boundary-2";
        time.Advance(RoleLookup.CacheDuration);

        (await lookup.GetBoundaryAsync("app-role")).Should().Be("boundary-2");
        (await lookup.GetBoundaryAsync("app-role")).Should().Be("boundary-2");
        service.Calls.Should().Equal("app-role", "app-role");
    }

    [Test]
    public async Task An_answer_that_a_resource_does_not_exist_is_kept_like_any_other()
    {
        (await lookup.GetBoundaryAsync("gone-role")).Should().BeNull();
        service.Boundaries["gone-role"] = "boundary-1";

        (await lookup.GetBoundaryAsync("gone-role")).Should().BeNull();
        service.Calls.Should().Equal("gone-role");
    }

    [Test]
    public async Task A_failure_propagates_and_is_not_kept()
    {
        service.Boundaries["app-role"] = "boundary-1";
        service.FailNext = new TimeoutException("IAM did not answer.");

        var first = async () => await lookup.GetBoundaryAsync("app-role");
        (await first.Should().ThrowAsync<TimeoutException>()).WithMessage("IAM did not answer.");

        (await lookup.GetBoundaryAsync("app-role")).Should().Be("boundary-1", "the next evaluation asks again at once");
        (await lookup.GetBoundaryAsync("app-role")).Should().Be("boundary-1");
        service.Calls.Should().Equal("app-role", "app-role");
    }

    [Test]
    public async Task The_callers_cancellation_reaches_the_service()
    {
        using var cancellation = new CancellationTokenSource();

        await lookup.GetBoundaryAsync("app-role", cancellation.Token);

        service.Tokens.Should().Equal(cancellation.Token);
    }

    [Test]
    public void A_lookup_needs_a_client()
    {
        var act = () => new RoleLookup(null!, time);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("client");
    }

    /// <summary>A stand-in service: answers from a table, records each call, fails once when told to.</summary>
    private sealed class RoleService
    {
        public Dictionary<string, string> Boundaries { get; } = new(StringComparer.Ordinal);

        public List<string> Calls { get; } = [];

        public List<CancellationToken> Tokens { get; } = [];

        public Exception? FailNext { get; set; }

        public Task<string?> GetBoundaryAsync(string role, CancellationToken cancellationToken)
        {
            Calls.Add(role);
            Tokens.Add(cancellationToken);
            if (FailNext is { } failure)
            {
                FailNext = null;
                return Task.FromException<string?>(failure);
            }
            return Task.FromResult(Boundaries.GetValueOrDefault(role));
        }
    }

    private sealed class RoleLookup(RoleService client, TimeProvider time) : CachedLiveLookup<RoleService, string?>(client, time)
    {
        public ValueTask<string?> GetBoundaryAsync(string role, CancellationToken cancellationToken = default) =>
            CachedAsync(role, token => Client.GetBoundaryAsync(role, token), cancellationToken);
    }
}
