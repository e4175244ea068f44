namespace Portal.Email;

/// <summary>A mail to a member (or future member) of staff: plain text with at most one link to act on.</summary>
public sealed record StaffEmail(string To, string Subject, string Body, string? Link = null);
