namespace Portal.Domain.Rails;

/// <summary>
/// What a rail signature covers besides timestamp, nonce and body: for a request its method and target (path and query
/// as sent); for an answer its status and the method and target of the request it answers. Without them a signed 200
/// could be replayed as a 404, or a signed request moved to another order's path.
/// </summary>
public readonly record struct MessageScope
{
    private MessageScope(string method, string target, int? status)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(target);
        Method = method.ToUpperInvariant();
        Target = target;
        Status = status;
    }

    public string Method { get; }

    /// <summary>The request target as on the wire, e.g. <c>/sandbox/bank/v1/orders/…?x=1</c>.</summary>
    public string Target { get; }

    /// <summary>The answer's HTTP status; none for a request.</summary>
    public int? Status { get; }

    public static MessageScope Request(string method, string target) => new(method, target, null);

    public static MessageScope Answer(int status, string method, string target) => new(method, target, status);

    /// <summary>Each field on a line of its own: none can hold a line break (HTTP forbids it in all three).</summary>
    internal string Canonical => Status is { } status
        ? $"answer\n{status}\n{Method}\n{Target}"
        : $"request\n{Method}\n{Target}";
}
