namespace Portal.Rails;

/// <summary>The rail's JSON about an account it opened or found.</summary>
public sealed record RailAccountAnswer(string? Number, string? Kind, string? Currency, string? Status);
