namespace Portal.Operator;

/// <summary>A merchant just created and the invitation sent to its first owner (whose link is shown once).</summary>
public sealed record OnboardedMerchant(Guid MerchantId, string Name, Invitations.SentInvitation OwnerInvitation);
