using MudBlazor;

namespace Portal.Admin.Layout;

/// <summary>The admin portal's look: indigo primary, the same hues in light and dark.</summary>
public static class PortalTheme
{
    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3F51B5",
            Secondary = "#5C6BC0",
            AppbarBackground = "#3F51B5",
            Background = "#F5F6FA",
            DrawerBackground = "#FFFFFF",
            // MudBlazor's default #00C853 under white chip and snackbar text is about 2:1; this green is over 5:1 (WCAG AA).
            Success = "#2E7D32",
            // The same for Info (#2196F3, about 3:1) and Warning, whose orange keeps its hue with dark text instead.
            Info = "#1565C0",
            WarningContrastText = "rgba(0,0,0,0.87)",
            // Error is also text on white (Reject, failure codes): #F44336 is 3.7:1, red 800 is 5.6:1.
            Error = "#C62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7986CB",
            Secondary = "#9FA8DA",
            AppbarBackground = "#1E2235",
        },
        LayoutProperties = new LayoutProperties
        {
            DrawerWidthLeft = "240px",
        },
    };
}
