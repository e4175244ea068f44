using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Portal.Bench;

/// <summary>
/// One page as a browser holds it, without the browser (SETUP.md, "Opening Blazor circuits without a browser"): the
/// prerendered page's markers and state, a <c>blazorpack</c> WebSocket to <c>/_blazor</c>, <c>StartCircuit</c> and one
/// <c>add</c> per marker, every render batch acknowledged, every JS call answered, and <c>/_blazor/disconnect</c> at the end.
/// </summary>
internal sealed partial class BlazorCircuit : IAsyncDisposable
{
    private const string StartCircuitId = "1";

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly HubSocket _hub;
    private readonly TaskCompletionSource<string?> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _receiving;
    private long _armedAt;
    private TaskCompletionSource<long>? _push;
    private int _batches;
    private int _jsCalls;
    private string? _circuitSecret;
    private volatile bool _closed;

    private BlazorCircuit(HttpClient http, HubSocket hub, Uri baseUri)
    {
        _http = http;
        _baseUri = baseUri;
        _hub = hub;
        _receiving = ReceiveAsync();
    }

    public int Batches => Volatile.Read(ref _batches);

    /// <summary>How many <c>JS.BeginInvokeJS</c> calls the server made on this circuit (each answered as a success).</summary>
    public int JSCalls => Volatile.Read(ref _jsCalls);

    public bool Closed => _closed;

    public string? Error { get; private set; }

    public bool Held => !Closed && Error is null && _hub.IsOpen;

    /// <summary>Fetches the page, connects and starts its circuit; returns once the hub has accepted the components.</summary>
    /// <param name="deflate">Ask for permessage-deflate, as browsers do (the .NET client does not unless asked).</param>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, Uri baseUri, string path, bool deflate,
        CancellationToken cancellationToken)
    {
        var pageUri = new Uri(baseUri, path.TrimStart('/'));
        var html = await http.GetStringAsync(pageUri, cancellationToken);
        var markers = MarkerPattern().Matches(html).Select(m => m.Groups[1].Value)
            .Where(json => json.Contains("\"descriptor\"", StringComparison.Ordinal)).ToArray();
        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        if (markers.Length == 0)
        {
            throw new InvalidOperationException($"{path}: no interactive server markers in the page.");
        }

        var hub = await HubSocket.ConnectAsync(new Uri(baseUri, "_blazor"), deflate, cancellationToken);
        var circuit = new BlazorCircuit(http, hub, baseUri);
        try
        {
            await hub.SendAsync(new InvocationMessage(StartCircuitId, "StartCircuit", [baseUri.ToString(), pageUri.ToString(), "[]", state]),
                cancellationToken);
            circuit._circuitSecret = await circuit._started.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
        if (circuit._circuitSecret is null)
        {
            await circuit.DisposeAsync();
            throw new InvalidOperationException($"{path}: the hub refused StartCircuit ({circuit.Error}).");
        }
        var operations = new StringBuilder("{\"batchId\":1,\"operations\":[");
        for (var i = 0; i < markers.Length; i++)
        {
            operations.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"type\":\"add\",\"ssrComponentId\":{i + 1},\"marker\":{markers[i]}}}");
        }
        operations.Append("]}");
        await hub.SendAsync(new InvocationMessage("UpdateRootComponents", [operations.ToString(), state]), cancellationToken);
        return circuit;
    }

    /// <summary>From now on, the next render batch to arrive is the push being measured; returns its arrival timestamp.</summary>
    public Task<long> ArmPush(long sentAt)
    {
        var push = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _armedAt, sentAt);
        Volatile.Write(ref _push, push);
        return push.Task;
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (await _hub.ReceiveAsync())
            {
                while (_hub.TryRead(Binder.Instance, out var message))
                {
                    if (!await HandleAsync(message))
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The connection is gone, which Closed reports.
        }
        catch (InvalidDataException e)
        {
            Error = e.Message;
        }
        finally
        {
            _closed = true;
            _started.TrySetException(new InvalidOperationException($"The hub closed the connection before the circuit started ({Error})."));
            _hub.Release();
        }
    }

    /// <summary>Acts on one message from the hub; false when it closes the connection.</summary>
    private async ValueTask<bool> HandleAsync(HubMessage message)
    {
        switch (message)
        {
            case InvocationMessage { Target: "JS.RenderBatch" } batch:
                var arrived = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref _batches);
                Interlocked.Exchange(ref _push, null)?.TrySetResult(arrived);
                // (batchId, data) in .NET 10; older releases sent a renderer id first. Acknowledged at once: after 10
                // unacknowledged batches the server stops rendering to this circuit.
                await _hub.SendAsync(new InvocationMessage("OnRenderCompleted",
                    [Convert.ToInt64(batch.Arguments[^2], CultureInfo.InvariantCulture), null]));
                return true;
            case InvocationMessage { Target: "JS.BeginInvokeJS" } call:
                Interlocked.Increment(ref _jsCalls);
                var handle = Convert.ToInt64(call.Arguments[0], CultureInfo.InvariantCulture);
                // As if every JS call succeeded with no value: unanswered, the circuit would wait for the 1-minute interop timeout.
                await _hub.SendAsync(new InvocationMessage("EndInvokeJSFromDotNet",
                    [handle, true, string.Create(CultureInfo.InvariantCulture, $"[{handle},true,null]")]));
                return true;
            case InvocationMessage { Target: "JS.Error" } error:
                Error = error.Arguments.Length > 0 ? Convert.ToString(error.Arguments[0], CultureInfo.InvariantCulture) : "JS.Error";
                return true;
            case CompletionMessage { InvocationId: StartCircuitId } completion:
                if (completion.Error is not null)
                {
                    _started.TrySetException(new InvalidOperationException($"StartCircuit failed: {completion.Error}"));
                }
                else
                {
                    _started.TrySetResult(completion.Result as string);
                }
                return true;
            case CloseMessage close:
                if (close.Error is not null)
                {
                    Error ??= close.Error;
                }
                return false;
            default:
                // Pings, and JS calls this bench has no use for (as HubConnection ignores calls it has no handler for).
                return true;
        }
    }

    /// <summary>Hangs up as a browser does: the hub connection, then <c>/_blazor/disconnect</c> so the server frees the circuit now.</summary>
    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        try
        {
            // The hub answers the close with its own, which ends the receive loop.
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _hub.Abort();
            await _receiving;
        }
        if (_circuitSecret is not null)
        {
            using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("circuitId", _circuitSecret)]);
            try
            {
                using var response = await _http.PostAsync(new Uri(_baseUri, "_blazor/disconnect"), form);
            }
            catch (HttpRequestException)
            {
                // The server is going away: it frees the circuit with itself.
            }
        }
    }

    /// <summary>
    /// Argument types for parsing: <see cref="BlazorPackProtocol"/> binds the <c>JS.*</c> calls itself; the only
    /// invocation this side makes with an id is <c>StartCircuit</c>, which returns the circuit's secret.
    /// </summary>
    private sealed class Binder : IInvocationBinder
    {
        public static readonly Binder Instance = new();

        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            throw new InvalidOperationException($"The hub called {methodName}, which this client does not handle.");

        public Type GetReturnType(string invocationId) => typeof(string);

        public Type GetStreamItemType(string streamId) =>
            throw new InvalidOperationException("This client starts no streams.");
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();
}
