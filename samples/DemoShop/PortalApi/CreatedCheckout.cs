namespace DemoShop.PortalApi;

/// <summary>The fields of Portal's checkout answer the shop keeps: where to send the customer, and until when.</summary>
public sealed record CreatedCheckout(Guid Id, Uri Url, DateTimeOffset ExpiresAt);
