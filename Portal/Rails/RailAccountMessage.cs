namespace Portal.Rails;

/// <summary>The JSON body of a request to open a settlement account, as the rail reads it.</summary>
public sealed record RailAccountMessage(string Number, string HolderName, string Currency);
