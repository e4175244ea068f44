namespace Portal.Audit;

/// <summary>
/// The names of the platform operator's audited actions. Their entries belong to no merchant (a null merchant id) and
/// every name starts with <see cref="Prefix"/>, which is how the operator's log finds them; add names, never rename.
/// </summary>
public static class OperatorAuditActions
{
    public const string Prefix = "operator.";

    public const string SignedIn = "operator.signed-in";
    public const string SignInFailed = "operator.sign-in-failed";
    public const string SignedOut = "operator.signed-out";
    public const string MerchantOnboarded = "operator.merchant-onboarded";
    public const string OperatorCreated = "operator.operator-created";
    public const string DatabaseMigrated = "operator.database-migrated";

    /// <summary>Every name above with the words the operator's audit page shows for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [SignedIn] = "Signed in",
        [SignInFailed] = "Sign-in failed",
        [SignedOut] = "Signed out",
        [MerchantOnboarded] = "Merchant created",
        [OperatorCreated] = "Operator created",
        [DatabaseMigrated] = "Database migrated",
    };

    public static string NameOf(string action) => Names.TryGetValue(action, out var name) ? name : action;
}
