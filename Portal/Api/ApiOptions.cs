namespace Portal.Api;

/// <summary>Section "Api": the merchant API's limits.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests a key may make in a burst; its bucket then refills at <see cref="RequestsPerSecond"/>.</summary>
    public int Burst { get; set; } = 100;

    public int RequestsPerSecond { get; set; } = 50;
}
