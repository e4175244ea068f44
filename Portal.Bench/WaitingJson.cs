using System.Text.Json;

namespace Portal.Bench;

/// <summary>The JSON both processes of <c>--waiting</c> write and read.</summary>
internal static class WaitingJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
