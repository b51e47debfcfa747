using ConfigRules.Cli.Reporting;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Reporting;

/// <summary>The progress line on stderr: after the first second, at most four times a second, erased at the end.</summary>
[TestFixture]
public sealed class ProgressLineTests
{
    [Test]
    public void Reading_from_AWS_shows_the_callers_text_once_a_second_has_passed()
    {
        var clock = new FakeTimeProvider();
        var error = new StringWriter();
        var progress = new ProgressLine(error, enabled: true, clock);

        progress.ReportText("configrules: AWS Config in us-east-1: 100 items read and evaluated");
        error.ToString().Should().BeEmpty("nothing shows in the first second");

        clock.Advance(TimeSpan.FromSeconds(1));
        progress.ReportText("configrules: AWS Config in us-east-1: 200 items read and evaluated");
        progress.ReportText("configrules: AWS Config in us-east-1: 201 items read and evaluated");
        error.ToString().Should().Be("\r\u001b[Kconfigrules: AWS Config in us-east-1: 200 items read and evaluated", "a quarter second passes between updates");

        progress.Clear();
        error.ToString().Should().EndWith("\r\u001b[K");
    }

    [Test]
    public void A_stream_of_unknown_length_shows_items_without_a_percentage()
    {
        var clock = new FakeTimeProvider();
        var error = new StringWriter();
        var progress = new ProgressLine(error, enabled: true, clock);
        clock.Advance(TimeSpan.FromSeconds(2));

        progress.Report(bytesDone: 0, bytesTotal: 0, items: 512);

        error.ToString().Should().Be("\r\u001b[Kconfigrules: 512 items evaluated");
    }

    [Test]
    public void Nothing_is_written_when_stderr_is_not_a_terminal()
    {
        var clock = new FakeTimeProvider();
        var error = new StringWriter();
        var progress = new ProgressLine(error, enabled: false, clock);
        clock.Advance(TimeSpan.FromSeconds(5));

        progress.ReportText("configrules: aggregator org: 5 items read");
        progress.Clear();

        error.ToString().Should().BeEmpty();
    }
}
