using System.Text;
using System.Text.Json;
using ConfigRules.Framework.Events;
using ConfigRules.LambdaRuntime.Errors;

namespace ConfigRules.Lambda.Tests.Runtime;

[TestFixture]
public sealed class ErrorReportTests
{
    [Test]
    public void A_config_rules_exception_gives_its_error_type_and_message_without_stack()
    {
        var report = ErrorReport.FromException(new InvalidParameterValueException("lambda-runtime-check", ["parameter 'deprecationWindowDays' is 'soon': expected an integer."]));

        report.ErrorType.Should().Be("InvalidParameterValueException");
        report.ErrorMessage.Should().Contain("deprecationWindowDays");
        report.StackTrace.Should().BeNull();
    }

    [Test]
    public void Another_exception_gives_its_type_name_and_its_frames()
    {
        Exception caught;
        try
        {
            throw new TimeoutException("Config did not answer.");
        }
        catch (TimeoutException ex)
        {
            caught = ex;
        }

        var report = ErrorReport.FromException(new AggregateException(caught));

        report.ErrorType.Should().Be("TimeoutException", "a single inner exception is unwrapped");
        report.ErrorMessage.Should().Be("Config did not answer.");
        report.StackTrace.Should().NotBeNullOrEmpty();
    }

    [Test]
    public void The_json_body_has_the_runtime_api_field_names()
    {
        using var json = JsonDocument.Parse(new ErrorReport("Custom.Error", "Went wrong.").ToJsonBytes());

        json.RootElement.GetProperty("errorType").GetString().Should().Be("Custom.Error");
        json.RootElement.GetProperty("errorMessage").GetString().Should().Be("Went wrong.");
        json.RootElement.TryGetProperty("stackTrace", out _).Should().BeFalse();
    }

    [Test]
    public void Every_part_is_capped_whatever_the_exception_carries()
    {
        var frames = Enumerable.Range(0, 500).Select(i => new string('f', 2000) + i).ToList();
        var report = new ErrorReport(new string('T', 1000), new string('m', 1_000_000), frames);

        report.ErrorType.Length.Should().Be(ErrorReport.MaxErrorTypeLength);
        Encoding.UTF8.GetByteCount(report.ErrorMessage).Should().BeLessThanOrEqualTo(ErrorReport.MaxMessageBytes);
        report.StackTrace.Should().HaveCount(ErrorReport.MaxStackFrames);
        report.StackTrace!.Should().OnlyContain(frame => Encoding.UTF8.GetByteCount(frame) <= ErrorReport.MaxFrameBytes);
        report.ToJsonBytes().Length.Should().BeLessThan(16 * 1024);
    }

    [Test]
    public void The_error_type_is_made_safe_for_the_header()
    {
        new ErrorReport("Bad\r\nHeader: injected", "x").ErrorType.Should().Be("Bad__Header:_injected");
        new ErrorReport("  ", "x").ErrorType.Should().Be("Runtime.Unknown");
    }

    [Test]
    public void Cutting_never_splits_a_character()
    {
        // 4-byte emoji (a surrogate pair in UTF-16) and 2-byte letters, cut at every budget.
        var text = string.Concat(Enumerable.Repeat("é🚀a", 40));
        for (var budget = 20; budget < 200; budget++)
        {
            var cut = ErrorText.Truncate(text, budget);
            Encoding.UTF8.GetByteCount(cut).Should().BeLessThanOrEqualTo(budget);
            cut.Should().EndWith(ErrorText.TruncationMarker);
            var kept = cut[..^ErrorText.TruncationMarker.Length];
            text.Should().StartWith(kept);
            char.IsHighSurrogate(kept[^1]).Should().BeFalse($"budget {budget} must not leave half a surrogate pair");
        }
    }

    [Test]
    public void Text_within_the_budget_is_kept_whole()
    {
        ErrorText.Truncate("short", 64).Should().Be("short");
        ErrorText.Truncate(null, 64).Should().BeEmpty();
    }
}
