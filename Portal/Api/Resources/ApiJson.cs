using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Api.Resources;

/// <summary>
/// How the API and its webhooks write JSON: camelCase names, enums as snake_case strings ("real_time",
/// "pending_approval"), nulls kept so that every field a client reads is always present.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }
}
