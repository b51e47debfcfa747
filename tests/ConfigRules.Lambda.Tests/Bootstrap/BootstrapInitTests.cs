namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>The published bootstrap, started as Lambda starts it, refusing a handler it does not serve.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class BootstrapInitTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    public async Task An_unknown_handler_is_reported_to_init_error_naming_the_accepted_handlers_and_the_process_exits_non_zero()
    {
        await using var api = LoopbackRuntimeApi.Start();
        await using var bootstrap = BootstrapProcess.Start("no-such-rule", api);

        var initError = await api.WaitForInitErrorAsync(Wait);
        var exitCode = await bootstrap.WaitForExitAsync(Wait);

        exitCode.Should().NotBe(0);
        initError.ErrorType.Should().Be("UnknownHandlerException");
        initError.ErrorTypeHeader.Should().Be("UnknownHandlerException");
        initError.ErrorMessage.Should().Contain("'no-such-rule'");
        foreach (var accepted in ExpectedHandlers.Names)
            initError.ErrorMessage.Should().Contain(accepted, "the message lists every accepted handler");
        api.PollCount.Should().Be(0, "an environment that failed init takes no events");
        bootstrap.LogEntries.Should().Contain(entry => entry.GetProperty("level").GetString() == "ERROR"
            && entry.GetProperty("message").GetString() == "Initialization failed", bootstrap.Output);
    }
}
