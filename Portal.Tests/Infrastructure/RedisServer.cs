using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A throw-away Redis (Debian's redis-server) on a free loopback port, nothing saved to disk. A test may stop it, the
/// way an outage does, and start it again on the same port. Its pid file lives under <see cref="Root"/>, so test.sh can
/// stop any that a killed test run left behind. Portal.Bench compiles this file in too (linked), for its runs of
/// several instances.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "portal-tests", "redis");

    private readonly string _directory;
    private Process? _process;

    private RedisServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The value of <c>ConnectionStrings:Redis</c> for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static Task<RedisServer> StartAsync() => StartOnAsync(FreePort());

    /// <summary>Starts Redis on a port chosen beforehand (an app was told of it before it was there).</summary>
    public static async Task<RedisServer> StartOnAsync(int port)
    {
        var directory = Path.Combine(Root, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new RedisServer(directory, port);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("redis-server",
            $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no --dir \"{_directory}\" --pidfile \"{Path.Combine(_directory, "redis.pid")}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server (apt-get install redis-server).");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Ready when it accepts a connection and answers PING.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (read > 0 && buffer[0] == (byte)'+')
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Stops Redis at once, as an outage does: connections cut, nothing kept.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next test.sh run, which deletes everything under Root.
        }
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
