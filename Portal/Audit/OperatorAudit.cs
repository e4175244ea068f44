using System.Security.Claims;
using Portal.Identity;

namespace Portal.Audit;

/// <summary>
/// Puts what the platform operator does into the operator's audit log (entries of no merchant, actions named by
/// <see cref="OperatorAuditActions"/>): from pages and endpoints with the signed-in operator, and from the deployment
/// commands, whose actor is whoever holds the server's command line.
/// </summary>
public sealed class OperatorAudit(IAuditLog audit, IHttpContextAccessor http)
{
    /// <summary>The name commands are recorded under: they run without anyone signed in.</summary>
    public const string CommandLineActor = "Server command line";

    /// <summary>
    /// What the signed-in <paramref name="operator"/> did. The client address is the request's, or in an interactive page
    /// that of the connection its circuit runs on, when the server still knows it.
    /// </summary>
    public Task RecordAsync(ClaimsPrincipal @operator, string action, string summary, string? targetType = null, string? targetId = null,
        object? details = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@operator);
        return audit.RecordAsync(new AuditRecord(null, @operator.FindFirstValue(ClaimTypes.NameIdentifier), NameOf(@operator), action,
            summary, targetType, targetId, details, http.HttpContext?.Connection.RemoteIpAddress?.ToString()), cancellationToken);
    }

    /// <summary>What a deployment command (<c>create-operator</c>, <c>migrate</c>) changed.</summary>
    public Task RecordCommandAsync(string command, string action, string summary, string? targetType = null, string? targetId = null,
        CancellationToken cancellationToken = default) =>
        audit.RecordAsync(new AuditRecord(null, null, CommandLineActor, action, summary, targetType, targetId,
            new { command, host = Environment.MachineName, osUser = Environment.UserName }), cancellationToken);

    /// <summary>Whether <paramref name="user"/> is the platform operator, as the <c>Operator</c> policy decides it.</summary>
    public static bool IsOperator(ClaimsPrincipal? user) => user?.FindFirst(PortalClaims.Operator)?.Value == "true";

    private static string NameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.GivenName) ?? "operator";
}
