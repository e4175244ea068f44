using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A merchant's webhook endpoint on 127.0.0.1: a tiny Kestrel app that records every POST (headers and raw body) and
/// answers each event's n-th delivery as <see cref="Script"/> says (by default: 200), e.g. 500, then hang past the
/// sender's timeout, then a redirect, then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _seen = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>What the n-th request for one event id gets (0-based); beyond its end, 200.</summary>
    public IReadOnlyList<ReceiverAnswer> Script { get; init; } = [];

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks");

    /// <summary>The 2xx-answered requests, the ones the sender counts as delivered.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => Received.Where(r => r.Answer == ReceiverAnswer.Ok).ToList();

    public static async Task<WebhookReceiver> StartAsync(IReadOnlyList<ReceiverAnswer>? script = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { Script = script ?? [] };
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var eventId = context.Request.Headers["Portal-Event-Id"].ToString();
        var n = _seen.AddOrUpdate(eventId, 0, (_, count) => count + 1);
        var answer = n < Script.Count ? Script[n] : ReceiverAnswer.Ok;
        Received.Enqueue(new ReceivedWebhook(eventId, context.Request.Headers["Portal-Event-Type"].ToString(),
            context.Request.Headers["Portal-Signature"].ToString(), context.Request.ContentType, body, answer));
        switch (answer)
        {
            case ReceiverAnswer.ServerError:
                context.Response.StatusCode = 500;
                break;
            case ReceiverAnswer.Redirect:
                context.Response.Redirect("/elsewhere");
                break;
            case ReceiverAnswer.Hang:
                // Longer than the sender waits; ended by the sender giving up (the request is aborted) or by shutdown.
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            default:
                context.Response.StatusCode = 200;
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
