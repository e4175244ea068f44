namespace Portal.Pay;

/// <summary>
/// The customer's words, in English (CheckoutText.resx) and Simplified Chinese (CheckoutText.zh-Hans.resx), the
/// seed's market. Failure messages are looked up by reason code, so a code a rail adds falls back to its own message.
/// </summary>
public sealed class CheckoutText;
