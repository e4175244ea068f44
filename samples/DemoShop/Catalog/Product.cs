namespace DemoShop.Catalog;

/// <summary>Something the shop sells, priced in <see cref="Currency"/> (ISO 4217).</summary>
public sealed record Product(string Id, string Name, string Blurb, decimal Price, string Currency, string Picture);
