using Portal.Domain.Common;

namespace Portal.Domain.Merchants;

/// <summary>
/// An invitation to join a merchant's staff in a role, reached by a link that carries a one-time token. Only a salted
/// hash of the token's secret is stored, so a copy of the database cannot be used to accept it; the invitation's id
/// travels in the token too, so that the row is found without comparing hashes across the table.
/// </summary>
public sealed class StaffInvitation
{
    /// <summary>How long an invitation can be accepted. Defaults to 7 days.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private const int SecretBytes = 32;
    private const int IdLength = 32;

    private StaffInvitation()
    {
    }

    public Guid Id { get; private set; }

    public Guid MerchantId { get; private set; }

    /// <summary>Who is invited; the account created on acceptance has this email.</summary>
    public string Email { get; private set; } = "";

    public StaffRole Role { get; private set; }

    /// <summary>The inviter's email (an owner, or the platform operator for a merchant's first owner).</summary>
    public string InvitedBy { get; private set; } = "";

    public string TokenSalt { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>A new invitation and its token, which exists only in the returned value: show it once, mail it, forget it.</summary>
    public static IssuedInvitation Issue(Guid merchantId, string email, StaffRole role, string invitedBy, DateTimeOffset now,
        TimeSpan? lifetime = null)
    {
        var errors = new ValidationErrors();
        var trimmed = email?.Trim() ?? "";
        if (!IsEmailAddress(trimmed))
        {
            errors.Add(nameof(Email), "Enter an email address, e.g. name@example.com.");
        }
        if (!Enum.IsDefined(role))
        {
            errors.Add(nameof(Role), "Choose Owner, Manager or Viewer.");
        }
        errors.ThrowIfAny();

        var salt = SaltedSecret.NewSalt();
        var secret = SaltedSecret.NewSecret(SecretBytes);
        var invitation = new StaffInvitation
        {
            Id = Guid.CreateVersion7(now),
            MerchantId = merchantId,
            Email = trimmed,
            Role = role,
            InvitedBy = invitedBy,
            TokenSalt = salt,
            TokenHash = SaltedSecret.Hash(salt, secret),
            CreatedAt = now,
            ExpiresAt = now + (lifetime ?? DefaultLifetime),
        };
        return new IssuedInvitation(invitation, invitation.Id.ToString("N") + secret);
    }

    /// <summary>Splits a token from a link into the invitation's id and its secret; false for anything malformed.</summary>
    public static bool TryParseToken(string? token, out Guid id, out string secret)
    {
        secret = "";
        id = Guid.Empty;
        if (token is null || token.Length <= IdLength || token.Length > 200 ||
            !Guid.TryParseExact(token.AsSpan(0, IdLength), "N", out id))
        {
            return false;
        }
        secret = token[IdLength..];
        return true;
    }

    /// <summary>Whether this is the invitation the secret was issued for (constant time).</summary>
    public bool Matches(string secret) => SaltedSecret.Matches(TokenSalt, TokenHash, secret);

    public InvitationState StateAt(DateTimeOffset now) =>
        AcceptedAt is not null ? InvitationState.Accepted
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>Marks the invitation used; only a pending one can be, and only once.</summary>
    public void Accept(DateTimeOffset now)
    {
        switch (StateAt(now))
        {
            case InvitationState.Accepted:
                throw new DomainException("This invitation has already been used.");
            case InvitationState.Expired:
                throw new DomainException("This invitation has expired.");
        }
        AcceptedAt = now;
        Version++;
    }

    /// <summary>A plausible email address: one @ with text either side, no spaces, at most 256 characters.</summary>
    public static bool IsEmailAddress(string email) =>
        email.Length is >= 3 and <= 256 && email.IndexOf('@') is > 0 and var at && at < email.Length - 1 &&
        email.IndexOf('@', at + 1) < 0 && !email.Any(char.IsWhiteSpace);
}
