using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests;

public sealed class LookupResultTests
{
    [Test]
    public void A_found_answer_is_read_and_gives_no_verdict_of_its_own()
    {
        var found = LookupResult.Found<string?>("role");

        found.IsNotInInput.Should().BeFalse();
        found.NotInInputNote.Should().BeNull();
        found.Value.Should().Be("role");
        found.ValueOrThrow().Should().Be("role");
        found.NotApplicableVerdict.Should().BeNull();
    }

    [Test]
    public void A_found_null_means_does_not_exist_which_is_an_answer()
    {
        var missing = LookupResult.Found<string?>(null);

        missing.IsNotInInput.Should().BeFalse();
        missing.Value.Should().BeNull();
        missing.NotApplicableVerdict.Should().BeNull();
    }

    [Test]
    public void Not_in_the_input_becomes_not_applicable_with_the_note()
    {
        var unknown = LookupResult<string?>.NotInInput("The execution role r is not among the input's AWS::IAM::Role items.");

        unknown.IsNotInInput.Should().BeTrue();
        unknown.NotApplicableVerdict.Should().Be(Verdict.NotApplicable("The execution role r is not among the input's AWS::IAM::Role items."));
        unknown.NotApplicableVerdict!.Value.Compliance.Should().Be(ComplianceType.NotApplicable);
    }

    [Test]
    public void Reading_an_answer_that_is_not_in_the_input_is_an_error_naming_the_note()
    {
        var unknown = LookupResult<string?>.NotInInput("no alarms in the input");

        FluentActions.Invoking(() => unknown.Value).Should().Throw<InvalidOperationException>().WithMessage("*no alarms in the input*");
        FluentActions.Invoking(() => unknown.ValueOrThrow()).Should().Throw<NotInInputException>().WithMessage("no alarms in the input");
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Not_in_the_input_needs_a_note(string note) =>
        FluentActions.Invoking(() => LookupResult<string>.NotInInput(note)).Should().Throw<ArgumentException>();
}
