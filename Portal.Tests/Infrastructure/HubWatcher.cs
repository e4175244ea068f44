using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Portal.LiveUpdates;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A real SignalR client of Portal's payments hub, anonymous or with a staff member's sign-in cookies, that keeps every
/// update it receives and says when it was closed by the server.
/// </summary>
public sealed class HubWatcher : IAsyncDisposable
{
    // A guard against hanging forever, not a wait: each use awaits a real event that comes long before.
    private static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);

    private readonly Lock _lock = new();
    private readonly List<PaymentUpdate> _received = [];
    private readonly List<(Func<PaymentUpdate, bool> Matches, TaskCompletionSource<PaymentUpdate> Seen)> _waiting = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubWatcher(HubConnection connection)
    {
        Connection = connection;
        connection.On<PaymentUpdate>(nameof(IPaymentsClient.PaymentUpdated), update =>
        {
            lock (_lock)
            {
                _received.Add(update);
                foreach (var waiting in _waiting.Where(w => w.Matches(update)))
                {
                    waiting.Seen.TrySetResult(update);
                }
            }
        });
        connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Whether the server closed the connection (or it was stopped).</summary>
    public bool IsClosed => _closed.Task.IsCompleted;

    public static async Task<HubWatcher> ConnectAsync(Uri baseAddress, CookieContainer? cookies = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, PaymentsHub.Path.TrimStart('/')), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                if (cookies is not null)
                {
                    options.Cookies = cookies;
                }
            })
            .Build();
        var watcher = new HubWatcher(connection);
        await connection.StartAsync();
        return watcher;
    }

    /// <summary>Signs in through the real sign-in form and returns the cookies a browser would keep.</summary>
    public static async Task<CookieContainer> SignInAsync(Uri baseAddress, string email, string password = "Demo!Pass123")
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var response = await StaffHttpClient.SubmitFormAsync(client, "Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("Login", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }
        return cookies;
    }

    /// <summary>The first update of <paramref name="paymentId"/> this connection receives (or has received).</summary>
    public Task<PaymentUpdate> UpdateOfAsync(Guid paymentId) => FirstAsync(u => u.PaymentId == paymentId);

    /// <summary>The first update of a payment of checkout <paramref name="checkoutId"/> this connection receives (or has received).</summary>
    public Task<PaymentUpdate> UpdateOfCheckoutAsync(Guid checkoutId) => FirstAsync(u => u.CheckoutId == checkoutId);

    private Task<PaymentUpdate> FirstAsync(Func<PaymentUpdate, bool> matches)
    {
        lock (_lock)
        {
            if (_received.Find(u => matches(u)) is { } seen)
            {
                return Task.FromResult(seen);
            }
            var waiting = new TaskCompletionSource<PaymentUpdate>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((matches, waiting));
            return waiting.Task.WaitAsync(Hang);
        }
    }

    public bool HasReceived(Guid paymentId)
    {
        lock (_lock)
        {
            return _received.Exists(u => u.PaymentId == paymentId);
        }
    }

    public int ReceivedCount
    {
        get
        {
            lock (_lock)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>Completes when the server has closed the connection.</summary>
    public Task WhenClosedAsync() => _closed.Task.WaitAsync(Hang);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
