using System.ComponentModel.DataAnnotations;

namespace DemoShop.Orders;

/// <summary>Section "Shop".</summary>
public sealed class ShopOptions
{
    public const string Section = "Shop";

    /// <summary>Where the shop keeps its orders (orders.json), relative to the content root. Defaults to "data".</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}
