using ConfigRules.LambdaRuntime.Errors;
using ConfigRules.LambdaRuntime.Handlers;

namespace ConfigRules.Lambda.Tests.Runtime;

/// <summary>Init failures: reported once to /init/error, then exit code 1, and no invocation is taken.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InitializationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Test]
    public async Task An_unknown_handler_is_an_init_error_that_names_the_accepted_handlers()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("alpha", TestHandlers.Echo), ("beta", TestHandlers.Echo)), "gamma");

        var initError = await runtime.Api.WaitForInitErrorAsync(Wait);
        var exitCode = await runtime.Run.WaitAsync(Wait);

        exitCode.Should().Be(1);
        initError.ErrorType.Should().Be(nameof(UnknownHandlerException));
        initError.ErrorTypeHeader.Should().Be(nameof(UnknownHandlerException));
        initError.ErrorMessage.Should().Contain("'gamma'").And.Contain("alpha, beta");
        runtime.Api.PollCount.Should().Be(0);
    }

    [Test]
    public async Task An_unset_handler_is_an_init_error()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("alpha", TestHandlers.Echo)), handler: null);

        var initError = await runtime.Api.WaitForInitErrorAsync(Wait);

        (await runtime.Run.WaitAsync(Wait)).Should().Be(1);
        initError.ErrorMessage.Should().Contain("_HANDLER is not set").And.Contain("alpha");
    }

    [Test]
    public async Task A_handler_whose_construction_fails_for_a_missing_variable_reports_the_variable()
    {
        var table = new HandlerTable().Add("needs-topic", context =>
        {
            context.RequireVariable("NOTIFICATION_TOPIC_ARN", "the SNS topic it publishes to");
            return TestHandlers.Echo;
        });
        await using var runtime = InProcessRuntime.Start(table, "needs-topic");

        var initError = await runtime.Api.WaitForInitErrorAsync(Wait);

        (await runtime.Run.WaitAsync(Wait)).Should().Be(1);
        initError.ErrorType.Should().Be(nameof(MissingEnvironmentVariableException));
        initError.ErrorMessage.Should().Contain("NOTIFICATION_TOPIC_ARN").And.Contain("needs-topic");
    }

    [Test]
    public async Task Only_the_selected_handler_is_constructed()
    {
        var constructed = new List<string>();
        var table = new HandlerTable()
            .Add("first", _ => { constructed.Add("first"); return TestHandlers.Echo; })
            .Add("second", _ => { constructed.Add("second"); return TestHandlers.Echo; });
        await using var runtime = InProcessRuntime.Start(table, "second");

        await runtime.Api.Enqueue("x").WaitAsync(Wait);

        constructed.Should().Equal("second");
    }

    [Test]
    public async Task Without_a_runtime_api_address_the_process_exits_with_code_1()
    {
        await using var runtime = InProcessRuntime.Start(TestHandlers.Table(("alpha", TestHandlers.Echo)), "alpha",
            environment: variables => variables.Remove("AWS_LAMBDA_RUNTIME_API"));

        (await runtime.Run.WaitAsync(Wait)).Should().Be(1);
        runtime.LogText.Should().Contain("AWS_LAMBDA_RUNTIME_API");
    }

    [Test]
    public void A_handler_name_can_be_registered_once()
    {
        var table = new HandlerTable().Add("alpha", _ => TestHandlers.Echo);

        var again = () => table.Add("alpha", _ => TestHandlers.Echo);

        again.Should().Throw<ArgumentException>().WithMessage("*'alpha' is already registered*");
        table.Names.Should().Equal("alpha");
    }
}
