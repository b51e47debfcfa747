using ConfigRules.Aws.Transport;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Clients;

/// <summary>
/// Tests of clients against the loopback account: every test gets a fresh account and a client context pointed at
/// it (<see cref="Loopback"/>), disposed after the test.
/// </summary>
public abstract class LoopbackClientTests(RetryOptions? options = null)
{
    private LoopbackClients? _loopback;

    protected LoopbackClients Loopback => _loopback ?? throw new InvalidOperationException("The loopback account starts in each test's set-up.");

    [SetUp]
    public void StartLoopback() => _loopback = LoopbackClients.Start(options: options);

    [TearDown]
    public async Task StopLoopback()
    {
        if (_loopback is not null) await _loopback.DisposeAsync();
        _loopback = null;
    }
}
