namespace Portal.Audit;

/// <summary>
/// The names of audited actions, stored as text: renaming one splits the log in two, so add names rather than rename.
/// Features audited elsewhere (the team's invitations) add theirs here.
/// </summary>
public static class AuditActions
{
    public const string SignedIn = "staff.signed-in";
    public const string SignInFailed = "staff.sign-in-failed";
    public const string StaffInvited = "staff.invited";
    public const string StaffRoleChanged = "staff.role-changed";
    public const string StaffRemoved = "staff.removed";
    public const string LinkCreated = "link.created";
    public const string LinkDeactivated = "link.deactivated";
    public const string LinkReopened = "link.reopened";
    public const string StoreCodeEnabled = "link.store-code-enabled";
    public const string StoreCodeRenewed = "link.store-code-renewed";
    public const string StoreCodeSwitchedOff = "link.store-code-switched-off";
    public const string StoreCodeSwitchedOn = "link.store-code-switched-on";
    public const string RefundRequested = "refund.requested";
    public const string RefundApproved = "refund.approved";
    public const string RefundRejected = "refund.rejected";
    public const string SettingsChanged = "settings.changed";
    public const string RefundThresholdRaiseScheduled = "settings.refund-threshold-raise-scheduled";
    public const string RefundThresholdRaiseCancelled = "settings.refund-threshold-raise-cancelled";
    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";
    public const string WebhookEndpointCreated = "webhook-endpoint.created";
    public const string WebhookEndpointChanged = "webhook-endpoint.changed";
    public const string WebhookEndpointDeleted = "webhook-endpoint.deleted";

    /// <summary>Every name above with the words the audit page shows for it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [SignedIn] = "Signed in",
        [SignInFailed] = "Sign-in failed",
        [StaffInvited] = "Staff invited",
        [StaffRoleChanged] = "Staff role changed",
        [StaffRemoved] = "Staff removed",
        [LinkCreated] = "Link created",
        [LinkDeactivated] = "Link deactivated",
        [LinkReopened] = "Link reopened",
        [StoreCodeEnabled] = "Store QR turned on",
        [StoreCodeRenewed] = "Store QR replaced",
        [StoreCodeSwitchedOff] = "Store QR switched off",
        [StoreCodeSwitchedOn] = "Store QR switched on",
        [RefundRequested] = "Refund requested",
        [RefundApproved] = "Refund approved",
        [RefundRejected] = "Refund rejected",
        [SettingsChanged] = "Settings changed",
        [RefundThresholdRaiseScheduled] = "Refund approval threshold raise scheduled",
        [RefundThresholdRaiseCancelled] = "Refund approval threshold raise cancelled",
        [ApiKeyCreated] = "API key created",
        [ApiKeyRevoked] = "API key revoked",
        [WebhookEndpointCreated] = "Webhook endpoint added",
        [WebhookEndpointChanged] = "Webhook endpoint changed",
        [WebhookEndpointDeleted] = "Webhook endpoint removed",
    };

    public static string NameOf(string action) => Names.TryGetValue(action, out var name) ? name : action;
}
