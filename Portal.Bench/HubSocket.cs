using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Portal.Bench;

/// <summary>
/// A SignalR hub connection reduced to what a Blazor page needs: one WebSocket, the handshake, and framed
/// <c>blazorpack</c> messages each way. <c>HubConnection</c> gives every connection a timer of its own that fires every
/// second; with 10,000 pages the process's timer queue took two fifths of the client's CPU, which the server then lacks.
/// Here nothing runs per connection unless a message arrives, and one loop for the whole process keeps them alive.
/// </summary>
internal sealed class HubSocket : IAsyncDisposable
{
    /// <summary>The server drops a client it has not heard from for 30 s (ClientTimeoutInterval); half that leaves room.</summary>
    private const long KeepAliveMilliseconds = 15_000;

    private static readonly BlazorPackProtocol Protocol = new();
    private static readonly ReadOnlyMemory<byte> PingBytes = Protocol.GetMessageBytes(PingMessage.Instance);
    private static readonly ConcurrentDictionary<HubSocket, byte> Open = new();
    private static int _keepAliveStarted;

    private readonly ClientWebSocket _socket;
    // One send at a time: a WebSocket refuses overlapping sends, and acks, JS answers and pings come from different places.
    private readonly SemaphoreSlim _sending = new(1, 1);
    private byte[]? _buffer;
    private int _start;
    private int _end;
    private long _lastSent;

    private HubSocket(ClientWebSocket socket)
    {
        _socket = socket;
        _lastSent = Environment.TickCount64;
    }

    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>Connects straight to the hub's WebSocket (no negotiate) and completes the SignalR handshake.</summary>
    public static async Task<HubSocket> ConnectAsync(Uri hubUri, bool deflate, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        // The hub's pings (below) keep the connection alive; WebSocket-level pings would be a timer per socket again.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (deflate)
        {
            socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        }
        var hub = new HubSocket(socket);
        try
        {
            var wsUri = new UriBuilder(hubUri) { Scheme = hubUri.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;
            await socket.ConnectAsync(wsUri, cancellationToken);
            await hub._sending.WaitAsync(cancellationToken);
            try
            {
                var handshake = new ArrayBufferWriter<byte>();
                HandshakeProtocol.WriteRequestMessage(new HandshakeRequestMessage(Protocol.Name, Protocol.Version), handshake);
                await hub.SendBytesAsync(handshake.WrittenMemory, cancellationToken);
            }
            finally
            {
                hub._sending.Release();
            }
            HandshakeResponseMessage? response;
            while (!hub.TryReadHandshake(out response))
            {
                if (!await hub.ReceiveAsync(cancellationToken))
                {
                    throw new InvalidOperationException("The hub closed the connection during the handshake.");
                }
            }
            if (response.Error is not null)
            {
                throw new InvalidOperationException($"The hub refused the handshake: {response.Error}");
            }
        }
        catch
        {
            socket.Abort();
            socket.Dispose();
            hub.ReleaseBuffer();
            throw;
        }
        Open.TryAdd(hub, 0);
        if (Interlocked.Exchange(ref _keepAliveStarted, 1) == 0)
        {
            _ = Task.Run(KeepAliveAsync);
        }
        return hub;
    }

    public async Task SendAsync(HubMessage message, CancellationToken cancellationToken = default)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await SendBytesAsync(Protocol.GetMessageBytes(message), cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// Waits for more of the stream; false once the hub has closed it. Frames need not align with messages, so what is
    /// received is appended to what was left unparsed; <see cref="TryRead"/> then takes the complete messages.
    /// </summary>
    public async ValueTask<bool> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        if (_start == _end)
        {
            ReleaseBuffer();
            // A zero-byte read waits for data without holding a buffer: idle pages, nearly all of them, hold none.
            var ready = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
            if (ready.MessageType == WebSocketMessageType.Close)
            {
                return false;
            }
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        _buffer ??= ArrayPool<byte>.Shared.Rent(4096);
        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        var received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), cancellationToken);
        if (received.MessageType == WebSocketMessageType.Close)
        {
            return false;
        }
        _end += received.Count;
        return true;
    }

    /// <summary>The next complete message received, if there is one.</summary>
    public bool TryRead(IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        message = null;
        if (_buffer is null || _start == _end)
        {
            return false;
        }
        var input = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
        if (!Protocol.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }
        _start = _end - (int)input.Length;
        return true;
    }

    /// <summary>Says goodbye with a WebSocket close (or drops the socket when that fails) and leaves the keep-alive.</summary>
    public async ValueTask DisposeAsync()
    {
        Open.TryRemove(this, out _);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _sending.WaitAsync(timeout.Token);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    /// <summary>Ends a receive that the hub does not end by closing.</summary>
    public void Abort() => _socket.Abort();

    /// <summary>Once the receive loop has ended: the socket and the loop's buffer go.</summary>
    public void Release()
    {
        Open.TryRemove(this, out _);
        _socket.Dispose();
        ReleaseBuffer();
    }

    private bool TryReadHandshake([NotNullWhen(true)] out HandshakeResponseMessage? response)
    {
        response = null;
        if (_buffer is null || _start == _end)
        {
            return false;
        }
        var input = new ReadOnlySequence<byte>(_buffer, _start, _end - _start);
        if (!HandshakeProtocol.TryParseResponseMessage(ref input, out response))
        {
            return false;
        }
        _start = _end - (int)input.Length;
        return true;
    }

    /// <summary>Sends one whole message; the caller holds <see cref="_sending"/>.</summary>
    private Task SendBytesAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastSent, Environment.TickCount64);
        return _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, cancellationToken).AsTask();
    }

    private async Task PingAsync()
    {
        try
        {
            await _sending.WaitAsync();
            try
            {
                await SendBytesAsync(PingBytes, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Closing or closed: the receive loop reports it.
        }
    }

    /// <summary>
    /// One timer for every connection in the process: each second, pings those that have sent nothing for 15 s. Acks and
    /// answers count as signs of life too, so a busy page is not pinged, and pages opened at different times ping at
    /// different seconds.
    /// </summary>
    private static async Task KeepAliveAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync())
        {
            var now = Environment.TickCount64;
            foreach (var (hub, _) in Open)
            {
                if (now - Volatile.Read(ref hub._lastSent) >= KeepAliveMilliseconds)
                {
                    Volatile.Write(ref hub._lastSent, now);
                    _ = hub.PingAsync();
                }
            }
        }
    }

    private void ReleaseBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
        _start = _end = 0;
    }
}
