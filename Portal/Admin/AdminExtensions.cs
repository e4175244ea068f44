using MudBlazor.Services;

namespace Portal.Admin;

public static class AdminExtensions
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMudServices();
        return builder;
    }
}
