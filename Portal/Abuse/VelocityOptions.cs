namespace Portal.Abuse;

/// <summary>
/// How fast anonymous callers may try money paths and sign-in forms (section <c>VelocityLimits</c>). A person paying or
/// signing in never meets them; a script guessing PINs or passwords does within a minute.
/// </summary>
public sealed class VelocityOptions
{
    public const string Section = "VelocityLimits";

    /// <summary>
    /// Payments submitted (checkout pay, wallet approve) from one client address, whatever checkout or merchant. A
    /// customer pays once and may retype a PIN twice; a shop's Wi-Fi shares one address among its customers, hence ten.
    /// </summary>
    public VelocityLimit PayPerAddress { get; set; } = new() { Burst = 10, Every = TimeSpan.FromSeconds(6) };

    /// <summary>
    /// Payments submitted with one payer account, from any address and checkout: the bank locks after 5 wrong PINs in a
    /// row, so a guesser spreading over addresses gets no more tries than that, and then one a minute.
    /// </summary>
    public VelocityLimit PayPerAccount { get; set; } = new() { Burst = 5, Every = TimeSpan.FromMinutes(1) };

    /// <summary>Payment methods chosen (each starts a payment) from one client address; a customer may switch a few times.</summary>
    public VelocityLimit ChoosePerAddress { get; set; } = new() { Burst = 20, Every = TimeSpan.FromSeconds(3) };

    /// <summary>Checkouts created on store code pages from one client address: a customer creates one per purchase.</summary>
    public VelocityLimit StorePerAddress { get; set; } = new() { Burst = 20, Every = TimeSpan.FromSeconds(3) };

    /// <summary>Staff sign-in, two-factor, password reset and invitation forms posted from one client address.</summary>
    public VelocityLimit AccountFormsPerAddress { get; set; } = new() { Burst = 10, Every = TimeSpan.FromSeconds(6) };

    internal IEnumerable<VelocityLimit> All => [PayPerAddress, PayPerAccount, ChoosePerAddress, StorePerAddress, AccountFormsPerAddress];
}
