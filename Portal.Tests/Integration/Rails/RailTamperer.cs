using System.Net;

namespace Portal.Tests.Integration.Rails;

/// <summary>
/// The attacker on the path between Portal's rail client and the bank: it sees every signed answer to an order query
/// and, while <see cref="Remaining"/> lasts, rewrites it with <see cref="Rewrite"/>. It holds no key.
/// </summary>
public sealed class RailTamperer
{
    private int _remaining;
    private int _tampered;

    /// <summary>Rewrites an answer to <c>GET …/orders/{id}</c>: the request and the real answer in, the forged one out.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage, Task<HttpResponseMessage>>? Rewrite { get; set; }

    public int Remaining
    {
        get => Volatile.Read(ref _remaining);
        set => Volatile.Write(ref _remaining, value);
    }

    public int Tampered => Volatile.Read(ref _tampered);

    internal async Task<HttpResponseMessage> PassAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (Rewrite is not { } rewrite || request.Method != HttpMethod.Get ||
            !request.RequestUri!.AbsolutePath.Contains("/orders/", StringComparison.Ordinal) ||
            Interlocked.Decrement(ref _remaining) < 0)
        {
            return response;
        }
        Interlocked.Increment(ref _tampered);
        return await rewrite(request, response);
    }

    /// <summary>The same answer, signature and all, under another status.</summary>
    public static async Task<HttpResponseMessage> WithStatusAsync(HttpResponseMessage answer, HttpStatusCode status) =>
        await CopyAsync(answer, status, await answer.Content.ReadAsByteArrayAsync());

    /// <summary>A copy of an answer (status, headers, body) that can be served again; the original is let go unless kept.</summary>
    public static async Task<HttpResponseMessage> CopyAsync(HttpResponseMessage answer, HttpStatusCode? status = null,
        byte[]? body = null, bool keepOriginal = false)
    {
        body ??= await answer.Content.ReadAsByteArrayAsync();
        var copy = new HttpResponseMessage(status ?? answer.StatusCode) { Content = new ByteArrayContent(body) };
        foreach (var header in answer.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        foreach (var header in answer.Content.Headers)
        {
            copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        if (!keepOriginal)
        {
            answer.Dispose();
        }
        return copy;
    }
}
