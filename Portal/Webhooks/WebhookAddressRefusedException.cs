namespace Portal.Webhooks;

/// <summary>
/// A delivery's host is, or resolves to, an address webhooks may not reach. Its message is for the log; the owner reads
/// only <see cref="WebhookSender.AddressNotAllowed"/>, which says nothing of what is behind the address.
/// </summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);
