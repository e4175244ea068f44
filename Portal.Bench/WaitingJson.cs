using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Bench;

/// <summary>The JSON both processes of <c>--waiting</c> write and read.</summary>
internal static class WaitingJson
{
    /// <summary>A run in which no push arrived has NaN percentiles, which plain JSON cannot carry.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
