using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// A staff list paged by <c>KeysetPager</c> (refunds, payment links, audit log) as a staff member pages it: its rows and
/// the pager's Newest, Newer and Older buttons, found within the pager named <paramref name="pagerName"/>
/// ("Refunds pages"). Open the page with <see cref="AdminPageObject"/>.
/// </summary>
public sealed class KeysetListPageObject(IPage page, string pagerName)
{
    public IPage Page { get; } = page;

    /// <summary>The list's rows with data, in order (not the header row).</summary>
    public ILocator Rows => Page.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Cell) });

    public ILocator Pager => Page.GetByRole(AriaRole.Navigation, new() { Name = pagerName });

    public ILocator Newest => Pager.GetByRole(AriaRole.Button, new() { Name = "Newest" });

    public ILocator Newer => Pager.GetByRole(AriaRole.Button, new() { Name = "Newer" });

    public ILocator Older => Pager.GetByRole(AriaRole.Button, new() { Name = "Older" });
}
