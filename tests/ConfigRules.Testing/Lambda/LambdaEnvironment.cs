namespace ConfigRules.Testing.Lambda;

/// <summary>
/// The environment Lambda gives a provided.al2023 function, with fake credentials (the loopback AWS endpoint
/// verifies signatures made with them). Tests override or remove entries per case.
/// </summary>
public static class LambdaEnvironment
{
    public const string Region = "us-east-1";
    public const string FunctionName = "config-rules-test";
    public const string AccessKeyId = "ASIAEXAMPLELOOPBACK1";
    public const string SecretAccessKey = "loopback/secret/key/for/tests/only/EXAMPLE";
    public const string SessionToken = "loopback-session-token-for-tests-only";

    public static IReadOnlyDictionary<string, string> For(string handler, string runtimeApiAddress, string taskRoot) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["_HANDLER"] = handler,
        ["AWS_LAMBDA_RUNTIME_API"] = runtimeApiAddress,
        ["AWS_REGION"] = Region,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = SessionToken,
        ["AWS_LAMBDA_FUNCTION_NAME"] = FunctionName,
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
        ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
        ["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{FunctionName}",
        ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2025/01/01/[$LATEST]0123456789abcdef0123456789abcdef",
        ["LAMBDA_TASK_ROOT"] = taskRoot,
        ["LAMBDA_RUNTIME_DIR"] = taskRoot,
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["LANG"] = "en_US.UTF-8",
        ["TZ"] = ":UTC",
    };
}
