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
        // On dark surfaces the same hues, lighter, with dark text on filled buttons and chips: each pair over 4.5:1
        // (axe scans both themes, AdminAccessibilityTests).
        PaletteDark = new PaletteDark
        {
            Primary = "#9FA8DA",
            PrimaryContrastText = "rgba(0,0,0,0.87)",
            Secondary = "#C5CAE9",
            SecondaryContrastText = "rgba(0,0,0,0.87)",
            AppbarBackground = "#1E2235",
            TextSecondary = "rgba(255,255,255,0.72)",
            Success = "#81C784",
            SuccessContrastText = "rgba(0,0,0,0.87)",
            Info = "#90CAF9",
            InfoContrastText = "rgba(0,0,0,0.87)",
            Warning = "#FFB74D",
            WarningContrastText = "rgba(0,0,0,0.87)",
            Error = "#EF9A9A",
            ErrorContrastText = "rgba(0,0,0,0.87)",
        },
        LayoutProperties = new LayoutProperties
        {
            DrawerWidthLeft = "240px",
        },
    };
}
