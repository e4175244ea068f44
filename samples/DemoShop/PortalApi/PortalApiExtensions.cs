using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace DemoShop.PortalApi;

public static class PortalApiExtensions
{
    public static IHostApplicationBuilder AddPortalApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpClient<PortalCheckouts>((services, client) =>
        {
            var options = services.GetRequiredService<IOptions<PortalOptions>>().Value;
            client.BaseAddress = options.BaseUrl.AbsoluteUri.EndsWith('/') ? options.BaseUrl : new Uri(options.BaseUrl.AbsoluteUri + "/");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            client.Timeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }
}
