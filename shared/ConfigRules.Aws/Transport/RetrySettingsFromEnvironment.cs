using System.Globalization;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Text;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Aws.Transport;

/// <summary>
/// Reads <see cref="RetryOptions"/> overrides from the environment; every unset variable keeps the production
/// default. <c>AWS_MAX_ATTEMPTS</c> is the SDKs' standard variable; the others let an operator (or a test that
/// must finish thousands of invocations quickly) shorten backoff and the per-call timeout without rebuilding.
/// </summary>
public static class RetrySettingsFromEnvironment
{
    public const string MaxAttemptsVariable = "AWS_MAX_ATTEMPTS";
    public const string BaseDelayVariable = "CONFIGRULES_AWS_RETRY_BASE_DELAY_MS";
    public const string MaxDelayVariable = "CONFIGRULES_AWS_RETRY_MAX_DELAY_MS";
    public const string PerCallTimeoutVariable = "CONFIGRULES_AWS_CALL_TIMEOUT_MS";

    /// <summary>The defaults with each set variable applied; a value out of range is an error naming the variable.</summary>
    public static RetryOptions Read(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var defaults = RetryOptions.Default;
        return new RetryOptions
        {
            MaxAttempts = (int)(Integer(environment, MaxAttemptsVariable, 1, 20) ?? defaults.MaxAttempts),
            BaseDelay = Milliseconds(environment, BaseDelayVariable, 0, 60_000) ?? defaults.BaseDelay,
            MaxDelay = Milliseconds(environment, MaxDelayVariable, 0, 300_000) ?? defaults.MaxDelay,
            PerCallTimeout = Milliseconds(environment, PerCallTimeoutVariable, 1, 900_000) ?? defaults.PerCallTimeout,
        };
    }

    private static TimeSpan? Milliseconds(IEnvironmentVariables environment, string name, long min, long max) =>
        Integer(environment, name, min, max) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    private static long? Integer(IEnvironmentVariables environment, string name, long min, long max)
    {
        var text = environment.Get(name);
        if (text is null) return null;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        throw new InvalidAwsSettingException(
            $"Environment variable {name} is '{TextShortening.Shorten(text, 43)}': expected a whole number from {min} to {max}, or unset for the default.");
    }
}

/// <summary>An environment variable that configures the AWS layer holds a value it does not accept.</summary>
public sealed class InvalidAwsSettingException(string message) : ConfigRulesException("InvalidAwsSettingException", message);
