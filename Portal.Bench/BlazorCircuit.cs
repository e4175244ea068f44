using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Bench;

/// <summary>
/// One page as a browser holds it, without the browser (SETUP.md, "Opening Blazor circuits without a browser"): the
/// prerendered page's markers and state, a <c>blazorpack</c> WebSocket to <c>/_blazor</c>, <c>StartCircuit</c> and one
/// <c>add</c> per marker, every render batch acknowledged, every JS call answered, and <c>/_blazor/disconnect</c> at the end.
/// </summary>
internal sealed partial class BlazorCircuit : IAsyncDisposable
{
    private static readonly BlazorPackProtocol Protocol = new();

    private readonly HttpClient _http;
    private readonly HubConnection _connection;
    private long _armedAt;
    private TaskCompletionSource<long>? _push;
    private int _batches;
    private int _jsCalls;
    private string? _circuitSecret;

    private BlazorCircuit(HttpClient http, HubConnection connection)
    {
        _http = http;
        _connection = connection;
        _connection.On("JS.RenderBatch", Type.EmptyTypes, OnRenderBatchAsync, this);
        _connection.On("JS.BeginInvokeJS", Type.EmptyTypes, OnBeginInvokeJSAsync, this);
        _connection.On("JS.Error", Type.EmptyTypes, OnErrorAsync, this);
        _connection.Closed += _ =>
        {
            Closed = true;
            return Task.CompletedTask;
        };
    }

    public int Batches => Volatile.Read(ref _batches);

    /// <summary>How many <c>JS.BeginInvokeJS</c> calls the server made on this circuit (each answered as a success).</summary>
    public int JSCalls => Volatile.Read(ref _jsCalls);

    public bool Closed { get; private set; }

    public string? Error { get; private set; }

    public bool Held => !Closed && Error is null && _connection.State == HubConnectionState.Connected;

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

        var builder = new HubConnectionBuilder();
        // Registered after the builder's JSON protocol: the last registration is the one the connection gets.
        builder.Services.AddSingleton<IHubProtocol>(Protocol);
        var connection = builder
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                if (deflate)
                {
                    options.WebSocketConfiguration = socket => socket.DangerousDeflateOptions = new WebSocketDeflateOptions();
                }
            })
            .WithServerTimeout(TimeSpan.FromMinutes(5))
            .Build();
        var circuit = new BlazorCircuit(http, connection);
        await connection.StartAsync(cancellationToken);
        circuit._circuitSecret = await connection.InvokeAsync<string?>("StartCircuit",
            baseUri.ToString(), pageUri.ToString(), "[]", state, cancellationToken);
        if (circuit._circuitSecret is null)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException($"{path}: the hub refused StartCircuit ({circuit.Error}).");
        }
        var operations = new StringBuilder("{\"batchId\":1,\"operations\":[");
        for (var i = 0; i < markers.Length; i++)
        {
            operations.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"{{\"type\":\"add\",\"ssrComponentId\":{i + 1},\"marker\":{markers[i]}}}");
        }
        operations.Append("]}");
        await connection.SendAsync("UpdateRootComponents", operations.ToString(), state, cancellationToken);
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

    private static Task OnRenderBatchAsync(object?[] args, object state)
    {
        var arrived = Stopwatch.GetTimestamp();
        var circuit = (BlazorCircuit)state;
        Interlocked.Increment(ref circuit._batches);
        Interlocked.Exchange(ref circuit._push, null)?.TrySetResult(arrived);
        // (batchId, data) in .NET 10; older releases sent a renderer id first. Acknowledged at once: after 10
        // unacknowledged batches the server stops rendering to this circuit.
        return circuit._connection.SendAsync("OnRenderCompleted", Convert.ToInt64(args[^2], CultureInfo.InvariantCulture), null);
    }

    private static Task OnBeginInvokeJSAsync(object?[] args, object state)
    {
        var circuit = (BlazorCircuit)state;
        Interlocked.Increment(ref circuit._jsCalls);
        var handle = Convert.ToInt64(args[0], CultureInfo.InvariantCulture);
        // As if every JS call succeeded with no value: unanswered, the circuit would wait for the 1-minute interop timeout.
        return circuit._connection.SendAsync("EndInvokeJSFromDotNet", handle, true,
            string.Create(CultureInfo.InvariantCulture, $"[{handle},true,null]"));
    }

    private static Task OnErrorAsync(object?[] args, object state)
    {
        ((BlazorCircuit)state).Error = args.Length > 0 ? Convert.ToString(args[0], CultureInfo.InvariantCulture) : "JS.Error";
        return Task.CompletedTask;
    }

    /// <summary>Hangs up as a browser does: the hub connection, then <c>/_blazor/disconnect</c> so the server frees the circuit now.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        if (_circuitSecret is not null)
        {
            using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("circuitId", _circuitSecret)]);
            try
            {
                using var response = await _http.PostAsync("_blazor/disconnect", form);
            }
            catch (HttpRequestException)
            {
                // The server is going away: it frees the circuit with itself.
            }
        }
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StatePattern();
}
