using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Health;

/// <summary>
/// The health answer as JSON: the overall status and each check's name, status, description and duration. Never an
/// exception's message or data: the endpoints are public, and a driver's message may name a server.
/// </summary>
/// <example>
/// <code>{ "status": "Healthy", "durationMs": 4.1, "checks": [ { "name": "database", "status": "Healthy", "description": "Reachable; schema current.", "durationMs": 3.2 } ] }</code>
/// </example>
internal static class HealthReportWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteString("description", Describe(entry));
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    // A check that threw gets the framework's entry, whose description is the exception's message: say it in our words.
    private static string? Describe(HealthReportEntry entry) => entry.Exception switch
    {
        null => entry.Description,
        OperationCanceledException => "Did not answer in time.",
        _ => "The check failed; the log says why.",
    };
}
