using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Data;

/// <summary>
/// Why Portal cannot use its database, in a sentence for the log and the readiness answer: the provider's own words
/// (host and port, "connection refused", "password authentication failed"), never the connection string or a password.
/// </summary>
internal static class DatabaseProblem
{
    /// <summary>The reason when <paramref name="exception"/> is the database's (unreachable, refused, timed out); else null.</summary>
    public static string? Describe(Exception exception, DatabaseProvider provider, string? connectionString)
    {
        var chain = Chain(exception).ToList();
        if (!chain.Any(e => e is DbException or SocketException or TimeoutException or RetryLimitExceededException))
        {
            return null;
        }
        var words = string.Join("; ", chain
            .Select(e => e.Message.Trim().TrimEnd('.'))
            .Where(message => message.Length > 0)
            .Distinct(StringComparer.Ordinal));
        return Scrub($"Portal cannot use its {provider} database: {words}.", connectionString);
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    // Providers do not echo secrets today; this keeps it so if one ever does.
    private static string Scrub(string reason, string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return reason;
        }
        reason = reason.Replace(connectionString, "(the connection string)", StringComparison.Ordinal);
        var parts = new DbConnectionStringBuilder();
        try
        {
            parts.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return reason;
        }
        foreach (var key in new[] { "password", "pwd" })
        {
            if (parts.TryGetValue(key, out var secret) && secret?.ToString() is { Length: > 0 } text)
            {
                reason = reason.Replace(text, "***", StringComparison.Ordinal);
            }
        }
        return reason;
    }
}
