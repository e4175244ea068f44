using Microsoft.AspNetCore.Identity;

namespace Portal.Identity.Lockout;

/// <summary>A sign-in refused before any password was checked: its client address failed too often.</summary>
public sealed class AddressRefusedSignIn : SignInResult
{
    public AddressRefusedSignIn(TimeSpan retryAfter) => RetryAfter = retryAfter;

    public TimeSpan RetryAfter { get; }

    /// <summary>The sentence a person reads, in whole minutes (at least one).</summary>
    public string Message
    {
        get
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
            return $"Too many failed sign-ins from your network. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
        }
    }
}
