using ConfigRules.Framework.Exemptions;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using static ConfigRules.Framework.Tests.Exemptions.ExemptionFixtures;

namespace ConfigRules.Framework.Tests.Exemptions;

public class CachedExemptionsTests
{
    private const string SourceUri = "s3://governance-bucket/exemptions.yaml";
    private const string OneExemption = "exemptions:\n  - {rule: lambda-timeout-check, resourceId: a, reason: r, owner: o, expires: 2027-03-31}\n";
    private const string TwoExemptions = OneExemption + "  - {rule: lambda-runtime-check, resourceId: b, reason: r, owner: o, expires: 2027-03-31}\n";

    private FakeTimeProvider time = null!;
    private Queue<Func<string>> answers = null!;
    private int loads;

    [SetUp]
    public void FreshClockAndAnswers()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero));
        answers = new Queue<Func<string>>();
        loads = 0;
    }

    private CachedExemptions Source() => new(SourceUri, _ =>
    {
        loads++;
        return Task.FromResult(answers.Dequeue()());
    }, Catalog, time);

    [Test]
    public async Task A_second_call_within_the_minute_does_not_reload()
    {
        answers.Enqueue(() => OneExemption);
        using var source = Source();

        var first = await source.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(59));
        var second = await source.GetAsync(CancellationToken.None);

        loads.Should().Be(1);
        second.Should().BeSameAs(first);
        first.SourceName.Should().Be(SourceUri);
    }

    [Test]
    public async Task After_a_minute_it_reloads_and_sees_the_change()
    {
        answers.Enqueue(() => OneExemption);
        answers.Enqueue(() => TwoExemptions);
        using var source = Source();

        (await source.GetAsync(CancellationToken.None)).Entries.Should().HaveCount(1);
        time.Advance(CachedExemptions.RefreshInterval);
        (await source.GetAsync(CancellationToken.None)).Entries.Should().HaveCount(2);

        loads.Should().Be(2);
    }

    [Test]
    public async Task A_failed_read_names_the_source_and_the_cause_and_is_not_cached()
    {
        answers.Enqueue(() => throw new HttpRequestException("403 AccessDenied"));
        answers.Enqueue(() => OneExemption);
        using var source = Source();

        var failure = await FluentActions.Awaiting(() => source.GetAsync(CancellationToken.None)).Should().ThrowAsync<InvalidExemptionsException>();
        failure.Which.Message.Should().Be($"Cannot read the exemptions document {SourceUri}: HttpRequestException: 403 AccessDenied");
        failure.Which.ErrorType.Should().Be("InvalidExemptionsException");
        failure.Which.InnerException.Should().BeOfType<HttpRequestException>();

        (await source.GetAsync(CancellationToken.None)).Entries.Should().HaveCount(1, "the next call, even within the minute, tries again");
        loads.Should().Be(2);
    }

    [Test]
    public async Task An_invalid_document_names_the_source_and_line_and_is_not_cached()
    {
        answers.Enqueue(() => OneExemption.Replace("2027-03-31", "2027-31-03", StringComparison.Ordinal));
        answers.Enqueue(() => OneExemption);
        using var source = Source();

        var failure = await FluentActions.Awaiting(() => source.GetAsync(CancellationToken.None)).Should().ThrowAsync<InvalidExemptionsException>();
        failure.Which.Message.Should().Contain($"{SourceUri}:2: entry 1, expires: '2027-31-03' is not a date");

        (await source.GetAsync(CancellationToken.None)).Entries.Should().HaveCount(1);
    }

    [Test]
    public async Task A_document_that_turns_invalid_fails_rather_than_keeping_the_old_one()
    {
        answers.Enqueue(() => OneExemption);
        answers.Enqueue(() => "exemptions: [");
        using var source = Source();

        await source.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(2));

        await FluentActions.Awaiting(() => source.GetAsync(CancellationToken.None)).Should().ThrowAsync<InvalidExemptionsException>()
            .WithMessage("*not valid YAML or JSON*");
    }

    [Test]
    public async Task Callers_arriving_while_a_load_is_under_way_share_it()
    {
        var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new CachedExemptions(SourceUri, _ =>
        {
            loads++;
            return pending.Task;
        }, Catalog, time);

        var first = source.GetAsync(CancellationToken.None);
        var second = source.GetAsync(CancellationToken.None);
        pending.SetResult(OneExemption);

        (await second).Should().BeSameAs(await first);
        loads.Should().Be(1);
    }

    [Test]
    public async Task A_fixed_source_answers_its_document()
    {
        (await FixedExemptions.None.GetAsync(CancellationToken.None)).Should().BeSameAs(ExemptionDocument.None);
    }
}
