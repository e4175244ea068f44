using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Payments;
using Portal.LiveUpdates;
using Portal.Tests.Builders;

namespace Portal.Tests.Integration.Operations;

/// <summary>
/// A log line written inside a payment's flow operation carries the payment's id as a scope, as the JSON console writes
/// it, with no trace exporter configured.
/// </summary>
public sealed class LogScopeTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<LoggedLine> _lines = new();
    private readonly ExtendedPortalApp _app;

    public LogScopeTests() => _app = new ExtendedPortalApp(builder => builder.ConfigureLogging(logging => logging.AddProvider(new Keeper(_lines))));

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ChooseMethod_WatcherFails_WarningCarriesThePaymentIdScope()
    {
        var services = _app.Services;
        var checkout = await DemoCheckouts.CreateAsync(services, 10.00m);
        using var failing = services.GetRequiredService<PaymentEvents>().WatchCheckout(checkout.Id,
            _ => throw new InvalidOperationException("This page's circuit is gone."));

        var started = await services.GetRequiredService<PaymentFlow>().ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);

        var line = Assert.Single(_lines, l => l.EventName == "PublishFailed" && l.Message.Contains(started.PaymentId.ToString(), StringComparison.Ordinal));
        Assert.Equal(started.PaymentId.ToString(), line.Scopes.GetValueOrDefault("portal.payment.id"));
        Assert.Equal("real_time", line.Scopes.GetValueOrDefault("portal.payment.method"));
    }

    public sealed record LoggedLine(string? EventName, string Message, IReadOnlyDictionary<string, string?> Scopes);

    // One more log provider: keeps each line and the key/value pairs of its scopes.
    private sealed class Keeper(ConcurrentQueue<LoggedLine> lines) : ILoggerProvider, ISupportExternalScope, ILogger
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => this;

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, string?>();
            _scopes.ForEachScope((scope, found) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        found[key] = value?.ToString();
                    }
                }
            }, scopes);
            lines.Enqueue(new LoggedLine(eventId.Name, formatter(state, exception), scopes));
        }

        public void Dispose()
        {
        }
    }
}
