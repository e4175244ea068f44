namespace DemoShop.PortalApi;

/// <summary>Portal refused a request or could not be reached; the message is fit to show the customer.</summary>
public sealed class PortalApiException(string message, Exception? inner = null) : Exception(message, inner);
