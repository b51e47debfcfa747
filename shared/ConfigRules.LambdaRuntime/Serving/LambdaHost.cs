using System.Runtime.InteropServices;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.LambdaRuntime.Serving;

/// <summary>The entry point of a bootstrap executable: the real environment, stdout logging, SIGTERM to stop.</summary>
public static class LambdaHost
{
    public const string LogLevelVariable = "AWS_LAMBDA_LOG_LEVEL";

    public static async Task<int> RunAsync(HandlerTable handlers, RuntimeOptions? options = null)
    {
        var environment = ProcessEnvironment.Instance;
        using var stdout = Console.OpenStandardOutput();
        var logger = new RuntimeLogger(stdout, TimeProvider.System, LogLevels.Parse(environment.GetVariable(LogLevelVariable)));
        using var stopping = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stopping.Cancel();
        });
        return await new LambdaBootstrap(handlers, environment, logger, TimeProvider.System, options)
            .RunAsync(stopping.Token).ConfigureAwait(false);
    }
}
