using System.Net;
using System.Text.Json;

namespace Portal.Tests.Integration.Operations;

/// <summary>A health endpoint's answer as a load balancer and an operator read it: the status code and the JSON body.</summary>
public sealed record HealthAnswer(HttpStatusCode StatusCode, string Status, IReadOnlyDictionary<string, HealthAnswer.Check> Checks, string Body)
{
    public sealed record Check(string Status, string? Description);

    public static async Task<HealthAnswer> GetAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => new Check(c.GetProperty("status").GetString()!, c.GetProperty("description").GetString()));
        return new HealthAnswer(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks, body);
    }
}
