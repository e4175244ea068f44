using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.Webhooks;

/// <summary>
/// One signed POST to an endpoint. Any 2xx is delivered; anything else fails: another status (3xx included: redirects
/// are not followed, a moved endpoint must be updated by its owner), a refused connection, or no answer within the timeout.
/// An address webhooks may not reach (<see cref="WebhookConnector"/>) is never connected to, and its delivery reads only
/// <see cref="AddressNotAllowed"/>: no status, no timing class, nothing of what answers there.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string ClientName = "Portal.Webhooks";

    public const string AddressNotAllowed = "Address not allowed: webhooks go only to public servers on the internet.";

    /// <summary>Signs with every secret given (the current one, and a rolled one's previous value while it is valid).</summary>
    public async Task<WebhookSendResult> SendAsync(string url, IReadOnlyList<string> secrets, WebhookEvent webhookEvent,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(webhookEvent.Payload, Encoding.UTF8, "application/json"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Portal-Event-Id", webhookEvent.Id.ToString());
        request.Headers.Add("Portal-Event-Type", webhookEvent.Type);
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Create(secrets, time.GetUtcNow(), webhookEvent.Payload));
        request.Headers.UserAgent.ParseAdd("Portal-Webhooks/1.0");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return code is >= 200 and < 300
                ? new WebhookSendResult(code, null, clock.Elapsed)
                : new WebhookSendResult(code, code is >= 300 and < 400
                    ? $"Answered {code} (a redirect, which is not followed)."
                    : $"Answered {code}.", clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookSendResult(null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.", clock.Elapsed);
        }
        catch (HttpRequestException ex) when (IsRefusedAddress(ex))
        {
            return new WebhookSendResult(null, AddressNotAllowed, TimeSpan.Zero);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookSendResult(null, ex.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "Could not connect.",
                HttpRequestError.NameResolutionError => "The host name did not resolve.",
                HttpRequestError.SecureConnectionError => "The TLS handshake failed.",
                _ => "The request failed: " + ex.HttpRequestError,
            }, clock.Elapsed);
        }
    }

    private static bool IsRefusedAddress(Exception ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookAddressRefusedException)
            {
                return true;
            }
        }
        return false;
    }
}
