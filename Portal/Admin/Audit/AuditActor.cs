namespace Portal.Admin.Audit;

/// <summary>Someone who appears in the merchant's audit log, for the actor filter.</summary>
public sealed record AuditActor(string UserId, string Name);
