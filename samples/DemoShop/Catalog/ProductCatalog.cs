namespace DemoShop.Catalog;

/// <summary>The shop's shelf. A real shop reads it from its database; three items are enough to show the flow.</summary>
public static class ProductCatalog
{
    public static IReadOnlyList<Product> All { get; } =
    [
        new("longjing-tea", "Longjing green tea", "100 g of spring-picked West Lake Dragon Well, flat jade leaves.", 88.00m, "CNY", "tea.svg"),
        new("celadon-mug", "Celadon mug", "Hand-glazed Longquan celadon, 300 ml, with an infuser.", 45.00m, "CNY", "mug.svg"),
        new("tea-notebook", "Tasting notebook", "A5, 96 dotted pages to note every steep.", 29.90m, "CNY", "notebook.svg"),
    ];

    public static Product? Find(string? id) => All.FirstOrDefault(p => p.Id == id);
}
